/// The starts of the keywords ``CitationScanner`` reads at a word start ("stk.", "nr.", "kapitel", "bilag",
/// "bekendtgørelsens", "forordning", "direktiv", "lov…", "cirkulære", "vejledning"); with the act aliases they
/// make ``ActTable/startPrefixes``.
let citationKeywordPrefixes = ["stk.", "nr.", "kap", "bil", "bek", "for", "dir", "lov", "cir", "vej"]

/// Reads citations from a byte buffer: one forward pass, a small recursive descent per citation
/// (`CitationScanner+Chains.swift`: chains of provisions; `CitationScanner+Acts.swift`: acts, instruments, EU
/// regulations, dates, lead words).
struct CitationScanner {
    let b: UnsafeBufferPointer<UInt8>
    let source: SourceText
    let extractor: CitationExtractor
    let prose: Bool
    /// The leaf being scanned.
    var lo = 0
    var hi = 0
    /// In prose: the acts of the latest act mention ("aktivloven/integrationsloven" gives two).
    var contextActs: [ActIdentity] = []
    /// In prose: where the latest act mention ended.
    var lastActEnd = -1
    /// In prose: the act of the latest chain that named one.
    var lastChainAct: ActIdentity?

    /// The prefixes of keywords and act aliases: a word no one of them starts cannot start a citation.
    let prefixes: PrefixSet

    init(b: UnsafeBufferPointer<UInt8>, source: SourceText, extractor: CitationExtractor, prose: Bool) {
        self.b = b
        self.source = source
        self.extractor = extractor
        self.prose = prose
        self.prefixes = extractor.acts.startPrefixes
    }

    // MARK: Byte helpers

    @inline(__always) func at(_ i: Int, _ word: StaticString) -> Bool { Bytes.matches(b, i, hi, word) }
    @inline(__always) func atIgnoringCase(_ i: Int, _ word: StaticString) -> Bool {
        Bytes.matchesIgnoringCase(b, i, hi, word)
    }
    @inline(__always) func isWordChar(_ i: Int) -> Bool {
        i >= lo && i < hi && (Bytes.isLetter(b, i) || Bytes.isDigit(b[i]) || (b[i] >= 0x80 && b[i] < 0xC0 && i > lo && b[i - 1] == 0xC3))
    }
    @inline(__always) func wordStart(_ i: Int) -> Bool { i == lo || !isWordChar(i - 1) }
    /// Whether `word` (ASCII, any case) stands at `i` as a whole word.
    @inline(__always) func word(_ i: Int, _ word: StaticString) -> Bool {
        atIgnoringCase(i, word) && !isWordChar(i + word.utf8CodeUnitCount)
    }
    @inline(__always) func skipSpace(_ i: Int) -> Int { Bytes.skipSpace(b, i, hi) }
    @inline(__always) func isSection(_ i: Int) -> Bool { i + 1 < hi && b[i] == 0xC2 && b[i + 1] == 0xA7 }
    @inline(__always) func isDash(_ i: Int) -> Int {
        if i < hi, b[i] == 0x2D { return 1 }
        if i + 2 < hi, b[i] == 0xE2, b[i + 1] == 0x80, b[i + 2] == 0x93 || b[i + 2] == 0x91 { return 3 }
        return 0
    }

    /// Digits at `i` (at most 4, not followed by a digit): the value text and the end.
    func digits(_ i: Int) -> (String, Int)? {
        var j = i
        while j < hi, Bytes.isDigit(b[j]), j - i < 5 { j += 1 }
        guard j > i, j - i <= 4, j >= hi || !Bytes.isDigit(b[j]) else { return nil }
        if b[i] == 0x30 { return nil }
        return (String(decoding: b[i..<j], as: UTF8.self), j)
    }

    /// A § number with its letter: "17", "4 a", "82a". A lone "i" after a space is the preposition.
    func sectionNumber(_ i: Int) -> (String, Int)? {
        guard let (number, j) = digits(i) else { return nil }
        if j < hi, b[j] >= 0x61, b[j] <= 0x7A, !isWordChar(j + 1) {
            // "82a"
            if j + 1 < hi, b[j + 1] == 0x2E, j + 2 < hi, Bytes.isLetter(b, j + 2) { return (number, j) }
            return (number + " " + String(UnicodeScalar(b[j])), j + 1)
        }
        let k = Bytes.skipInlineSpace(b, j, hi)
        if k > j, k < hi, b[k] >= 0x61, b[k] <= 0x7A, !isWordChar(k + 1) {
            let letter = b[k]
            // "§ 82 i aktivloven", "§ 4 a." but not "§ 5 a) …" nor abbreviations such as "§ 5 f.eks.".
            let after = k + 1
            let prepositionLike = letter == 0x69 || letter == 0x6F  // "i", "o"
            if !prepositionLike, !(after < hi && (b[after] == 0x29 || (b[after] == 0x2E && after + 1 < hi && Bytes.isLetter(b, after + 1))))
            {
                return (number + " " + String(UnicodeScalar(letter)), after)
            }
        }
        return (number, j)
    }

    /// Words after a bare number that say it counts something, not a provision ("stk. 2 og 3 år").
    func isUnitWord(_ i: Int) -> Bool {
        for w: StaticString in [
            "år", "kr", "måned", "uge", "dag", "time", "procent", "gange", "pct", "personer", "kommuner", "børn", "tandlæger",
        ]
        where atIgnoringCase(i, w) {
            return true
        }
        return i < hi && b[i] == 0x25
    }

    /// Whether a bare integer at `i` continues a list (and is not "1. pkt.", "2)", "3 år").
    func isListInteger(_ i: Int, sections: Bool = false) -> (String, Int)? {
        guard let (n, j) = digits(i) else { return nil }
        if sections, j < hi, b[j] == 0x29 { return (n, j) }  // "(§§ 82/36)": a closing parenthesis
        if j < hi, b[j] == 0x29 || b[j] == 0x2E || b[j] == 0x2C && j + 1 < hi && Bytes.isDigit(b[j + 1]) {
            // "2)" is an item, "1." starts "1. pkt." (a list-final "2." ends the sentence and is checked below).
            if b[j] == 0x2E {
                let k = skipSpace(j + 1)
                if at(k, "pkt") || k < hi && Bytes.isLower(b, k) { return nil }
            } else {
                return nil
            }
        }
        let k = skipSpace(j)
        if k > j, isUnitWord(k) { return nil }
        return (n, j)
    }

    /// A list separator at `i` (", ", " og ", " samt ", " eller ", ", og "); returns the offset after it.
    func listSeparator(_ i: Int, allowSlash: Bool = false) -> Int? {
        var k = skipSpace(i)
        var consumed = k > i
        if k < hi, b[k] == 0x2C {
            k = skipSpace(k + 1)
            consumed = true
        } else if allowSlash, k < hi, b[k] == 0x2F {
            return skipSpace(k + 1)
        }
        for w: StaticString in ["og", "samt", "eller"] where word(k, w) {
            let after = skipSpace(k + w.utf8CodeUnitCount)
            return after > k + w.utf8CodeUnitCount ? after : nil
        }
        return consumed ? k : nil
    }

    /// A range dash at `i` ("-", " - ", "–"); returns the offset after it.
    func rangeDash(_ i: Int) -> Int? {
        let k = Bytes.skipInlineSpace(b, i, hi)
        let n = isDash(k)
        guard n > 0 else { return nil }
        return Bytes.skipInlineSpace(b, k + n, hi)
    }

    // MARK: Scan

    /// Scans the text leaves among `nodes` and their descendants, depth first in document order (the
    /// title and signature excepted). The nodes' fields are read through the array: a `Node` copy per node
    /// visited would cost more than scanning most leaves.
    /// `sink` sees `result` after each leaf is scanned.
    mutating func scanLeaves<Sink: LeafSink>(
        _ nodes: [Node], into result: inout [Citation], sink: inout Sink
    ) {
        for k in nodes.indices {
            let kind = nodes[k].kind
            if nodes[k].text != nil, kind != .title, kind != .signature {
                let range = nodes[k].range
                let lo = max(0, range.start.offset)
                let hi = min(b.count, range.end.offset)
                if lo < hi {
                    scan(lo, hi, nodeID: nodes[k].id, into: &result)
                    sink.leafDone(&result)
                }
            }
            if !nodes[k].children.isEmpty {
                scanLeaves(nodes[k].children, into: &result, sink: &sink)
            }
        }
    }

    /// Whether a citation may start at word start `i` (an ASCII letter or digit `c`): false only where
    /// ``parseAt(_:nodeID:)`` is sure to find nothing, so that the answer is exact and cheap. A digit must
    /// read "N." (as in "3. pkt."); a letter must begin a keyword or an act alias.
    @inline(__always)
    func mayStartCitation(_ i: Int, _ c: UInt8) -> Bool {
        if Bytes.isDigit(c) {
            // `digits(i)` without building its text: 1-4 digits, no leading zero, then ".".
            if c == 0x30 { return false }
            var j = i + 1
            while j < hi, Bytes.isDigit(b[j]), j - i < 5 { j += 1 }
            return j - i <= 4 && j < hi && b[j] == 0x2E
        }
        guard i + 1 < hi else { return true }
        return prefixes.mayStart(b, i, hi)
    }

    mutating func scan(_ lo: Int, _ hi: Int, nodeID: NodeID?, into result: inout [Citation]) {
        self.lo = lo
        self.hi = hi
        var i = lo
        while i < hi {
            let c = b[i]
            // Quick reject: a citation starts with "§", a digit, or a letter at a word start.
            if c == 0xC2 {
                // "færdselslovens § 88 a": an act named by a word in "-lovens" that no table knows.
                let (act, start) = isSection(i) ? genitiveActWord(before: i) ?? (nil, i) : (nil, i)
                if isSection(i), let (citation, end) = parseChain(at: i, start: start, act: act, nodeID: nodeID) {
                    result.append(citation)
                    i = max(end, i + 1)
                    continue
                }
                i += 1
                continue
            }
            guard Bytes.isDigit(c) || Bytes.isASCIILetter(c) else {
                i += 1
                continue
            }
            // Inside a word (after "æ", say) nothing starts: skip to its end, as below.
            if wordStart(i), mayStartCitation(i, c), let (citation, end) = parseAt(i, nodeID: nodeID) {
                result.append(citation)
                i = max(end, i + 1)
                continue
            }
            // Skip the rest of the word.
            i = skipWord(i + 1)
        }
    }

    /// The end of the word that goes on at `i` (`i` itself if no word character stands there).
    @inline(__always)
    func skipWord(_ i: Int) -> Int {
        var i = i
        while i < hi {
            let c = b[i]
            if Bytes.isASCIILetter(c) || Bytes.isDigit(c) || isWordChar(i) {
                i += 1
            } else {
                break
            }
        }
        return i
    }

    /// A citation starting at word start `i` that is not a "§": relative parts, chapters, annexes,
    /// instruments, EU regulations, acts.
    mutating func parseAt(_ i: Int, nodeID: NodeID?) -> (Citation, Int)? {
        let c = b[i] | 0x20
        if Bytes.isDigit(b[i]) {
            // "3. pkt."
            if let (_, j) = digits(i), j < hi, b[j] == 0x2E, at(skipSpace(j + 1), "pkt.") {
                return parseChain(at: i, start: i, act: nil, nodeID: nodeID)
            }
            return nil
        }
        switch c {
        case 0x73:  // s
            if at(i, "stk."), digits(skipSpace(i + 4)) != nil {
                return parseChain(at: i, start: i, act: nil, nodeID: nodeID)
            }
        case 0x6E:  // n
            if at(i, "nr."), digits(skipSpace(i + 3)) != nil {
                return parseChain(at: i, start: i, act: nil, nodeID: nodeID)
            }
        case 0x6B:  // k
            if word(i, "kapitel") || word(i, "kapitlerne"), digits(skipSpace(i + (atIgnoringCase(i, "kapitlerne") ? 10 : 7))) != nil {
                return parseChain(at: i, start: i, act: nil, nodeID: nodeID)
            }
        case 0x62:  // b
            if word(i, "bilag"), digits(skipSpace(i + 5)) != nil {
                return parseChain(at: i, start: i, act: nil, nodeID: nodeID)
            }
            // "bekendtgørelsens § 2 stk. 1, nr. 4": the document itself.
            if atIgnoringCase(i, "bekendtg\u{00F8}relsens") {
                let k = skipSpace(i + "bekendtgørelsens".utf8.count)
                if isSection(k) { return parseChain(at: k, start: i, act: nil, nodeID: nodeID) }
            }
        case 0x66:  // f
            if let found = parseEURegulation(i, nodeID: nodeID) { return found }
        case 0x64:  // d ("direktiv 2011/24/EU")
            if let found = parseEURegulation(i, nodeID: nodeID) { return found }
        default:
            break
        }
        // Instruments start with "lov…", "bekendtgørelse", "cirkulære" or "vejledning".
        if c == 0x6C || c == 0x62 || c == 0x63 || c == 0x76, let found = parseInstrument(i, nodeID: nodeID) { return found }
        return parseAct(i, nodeID: nodeID)
    }

}
