/// The acts Paragraf knows by name, with their aliases, so that "serviceloven", "servicelovens" and
/// "lov om social service" all give the same ``ActIdentity``.
///
/// Matching is on UTF-8 bytes, case-insensitive for ASCII letters and for the first letter; an alias must
/// stand as a whole word. Longer aliases win ("lov om aktiv socialpolitik" before "lov om").
public struct ActTable: Sendable {
    /// One act and the ways it is written.
    public struct Entry: Sendable, Hashable {
        /// The identity.
        public var act: ActIdentity
        /// Aliases in lower case, base forms; the genitive ("-s") is recognised automatically.
        public var aliases: [String]
        /// Aliases matched only as written (abbreviations such as "LAS").
        public var exactAliases: [String]
        /// The corpus work this act is, when the corpus holds it (e.g. "tandpleje").
        public var corpusWork: String?

        /// Creates an entry.
        public init(key: String, name: String, aliases: [String], exactAliases: [String] = [], corpusWork: String? = nil) {
            self.act = ActIdentity(key: key, name: name, isKnown: true)
            self.aliases = aliases
            self.exactAliases = exactAliases
            self.corpusWork = corpusWork
        }
    }

    /// The entries.
    public let entries: [Entry]
    fileprivate let patterns: [(bytes: [UInt8], entry: Int, exact: Bool)]
    /// Pattern indices by first byte (both cases of an ASCII letter), so a word is compared only with the
    /// aliases that can match it.
    private let buckets: [[Int]]
    /// The prefixes a citation can start with at a word: the aliases' and the extractor's keywords'
    /// (``citationKeywordPrefixes``), so that the scanner can skip the words none of them starts.
    let startPrefixes: PrefixSet

    /// Creates a table.
    public init(entries: [Entry]) {
        self.entries = entries
        var patterns: [(bytes: [UInt8], entry: Int, exact: Bool)] = []
        for (i, entry) in entries.enumerated() {
            for alias in entry.aliases { patterns.append((Array(alias.utf8), i, false)) }
            for alias in entry.exactAliases { patterns.append((Array(alias.utf8), i, true)) }
        }
        // Longest first, so that "lov om aktiv socialpolitik" wins over a shorter alias.
        self.patterns = patterns.sorted { $0.bytes.count > $1.bytes.count }
        var buckets = [[Int]](repeating: [], count: 256)
        for (index, pattern) in self.patterns.enumerated() {
            let first = pattern.bytes[0]
            buckets[Int(first | 0x20)].append(index)
            if first | 0x20 != first & ~0x20, Bytes.isASCIILetter(first) { buckets[Int(first & ~0x20)].append(index) }
        }
        self.buckets = buckets
        var prefixes = PrefixSet()
        for pattern in self.patterns { prefixes.insert(pattern.bytes) }
        for keyword in citationKeywordPrefixes { prefixes.insert(Array(keyword.utf8)) }
        self.startPrefixes = prefixes
    }

    /// The acts of Danish social and health law that the corpus and its prose cite.
    public static let standard = ActTable(entries: [
        Entry(key: "sundhedsloven", name: "sundhedsloven", aliases: ["sundhedsloven", "sundhedslov"]),
        Entry(
            key: "serviceloven", name: "lov om social service",
            aliases: ["serviceloven", "lov om social service", "servicelov"]),
        Entry(
            key: "aktivloven", name: "lov om aktiv socialpolitik",
            aliases: ["aktivloven", "lov om aktiv socialpolitik", "aktivlov"], exactAliases: ["LAS"]),
        Entry(
            key: "sygesikringsloven", name: "lov om offentlig sygesikring",
            aliases: ["lov om offentlig sygesikring", "sygesikringsloven"]),
        Entry(
            key: "tandplejeloven", name: "lov om tandpleje",
            aliases: ["lov om tandpleje m.v.", "lov om tandpleje", "tandplejeloven"]),
        Entry(
            key: "integrationsloven", name: "integrationsloven",
            aliases: ["integrationsloven", "lov om integration af udlændinge i danmark", "integrationslov"]),
        Entry(
            key: "almenboligloven", name: "lov om almene boliger",
            aliases: ["lov om almene boliger m.v.", "lov om almene boliger", "almenboligloven"]),
        Entry(
            key: "satsreguleringsloven", name: "lov om en satsreguleringsprocent",
            aliases: ["lov om en satsreguleringsprocent", "satsreguleringsloven"]),
        Entry(
            key: "retssikkerhedsloven", name: "lov om retssikkerhed og administration på det sociale område",
            aliases: ["lov om retssikkerhed og administration på det sociale område", "retssikkerhedsloven"]),
        Entry(key: "pensionsloven", name: "lov om social pension", aliases: ["lov om social pension", "pensionsloven"]),
        Entry(key: "forvaltningsloven", name: "forvaltningsloven", aliases: ["forvaltningsloven"]),
        Entry(
            key: "tandplejebekendtgørelsen", name: "bekendtgørelse om tandpleje",
            aliases: ["tandplejebekendtgørelsen", "bekendtgørelse om tandpleje"], corpusWork: "tandpleje"),
    ])

    /// The act named by `name` ("Servicelovens", "LAS", "lov om tandpleje m.v."), or nil.
    public func act(named name: String) -> ActIdentity? {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { b in
            guard let match = self.match(b, 0, b.count), match.end == b.count || Bytes.skipSpace(b, match.end, b.count) == b.count
            else { return nil }
            return match.act
        }
    }

    /// The corpus work an act is, if any.
    public func corpusWork(for act: ActIdentity) -> String? {
        entries.first { $0.act.key == act.key }?.corpusWork
    }

    /// A match of an act name at `i`: the act, the end offset and whether it was written in the genitive.
    struct Match {
        var act: ActIdentity
        var end: Int
        var genitive: Bool
    }

    /// The act whose alias starts at byte `i` as a whole word. A space in an alias matches any run of
    /// whitespace (line breaks and NBSP included), as the raw texts wrap inside act names.
    /// `b` is the scanner's buffer (see ``CitationExtractor``), or a name's bytes read the same way.
    func match(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Match? {
        guard i < end, i == 0 || !Bytes.isLetter(b, i - 1) else { return nil }
        for patternIndex in buckets[Int(b[i])] {
            let pattern = patterns[patternIndex]
            let count = pattern.bytes.count
            var j = i
            var ok = true
            var k = 0
            while k < count {
                let p = pattern.bytes[k]
                if p == 0x20 {
                    let n = Bytes.skipSpace(b, j, end)
                    if n == j {
                        ok = false
                        break
                    }
                    j = n
                    k += 1
                    continue
                }
                guard j < end else {
                    ok = false
                    break
                }
                let c = b[j]
                let same: Bool
                if pattern.exact {
                    same = c == p
                } else if c == p {
                    same = true
                } else if Bytes.isASCIILetter(c) {
                    same = c | 0x20 == p
                } else {
                    // Upper-case Æ, Ø, Å (C3 86/98/85) against lower-case (C3 A6/B8/A5).
                    same = k > 0 && pattern.bytes[k - 1] == 0xC3 && c &+ 0x20 == p
                }
                if !same {
                    ok = false
                    break
                }
                j += 1
                k += 1
            }
            guard ok else { continue }
            var e = j
            var genitive = false
            // A genitive "s" after the name (0x73), unless the name ends in a full stop (0x2E).
            if e < end, b[e] == 0x73, !pattern.exact, pattern.bytes.last != 0x2E,
                e + 1 >= end || !Bytes.isLetter(b, e + 1)
            {
                genitive = true
                e += 1
            }
            if pattern.bytes.last != 0x2E, e < end, Bytes.isLetter(b, e) || Bytes.isDigit(b[e]) { continue }
            return Match(act: entries[pattern.entry].act, end: e, genitive: genitive)
        }
        return nil
    }
}
