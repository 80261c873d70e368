/// Finds the citations in the text of a regulation (every leaf) or in free prose.
///
/// The extractor reads UTF-8 bytes in one forward pass; each citation is parsed by a small recursive
/// descent over its parts (§, stk., nr., litra, pkt., kapitel, bilag), lists ("§§ 12, 18 og 22") and ranges
/// ("§§ 26-29"), then the act that closes it ("…, i sundhedsloven") or opens it ("servicelovens §§ 104 og 110").
/// Every loop advances, and a citation's parse never looks back further than its lead word, so the cost is
/// linear in the text.
///
/// ```swift
/// let extractor = CitationExtractor()
/// for citation in extractor.citations(in: parsed) {
///     print(citation.span.start, citation.lead.rawValue, citation.text, citation.targets)
/// }
/// ```
public struct CitationExtractor: Sendable {
    /// The acts recognised by name.
    public var acts: ActTable
    /// Upper bound on the members a range expands to ("§§ 1-100000" keeps its range but expands to at most
    /// this many targets).
    public var maximumRangeExpansion: Int

    /// Creates an extractor.
    public init(acts: ActTable = .standard, maximumRangeExpansion: Int = 1000) {
        self.acts = acts
        self.maximumRangeExpansion = maximumRangeExpansion
    }

    /// The citations in every text leaf of a parsed document, in document order.
    public func citations(in parsed: ParsedDocument) -> [Citation] {
        citations(in: parsed.document, source: parsed.source)
    }

    /// The citations in every text leaf of `document` (sentences, annex blocks, the preamble, unplaced text),
    /// each with the id of its leaf. The title and signature are not searched.
    /// - Complexity: O(n) in the length of the source.
    public func citations(in document: Document, source: SourceText) -> [Citation] {
        var result: [Citation] = []
        source.bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(b: buffer, source: source, extractor: self, prose: false)
            withUnsafePointer(to: document.root) { root in
                var gather = Gather()
                scanner.scanLeaves(UnsafeBufferPointer(start: root, count: 1), into: &result, sink: &gather)
            }
        }
        return result
    }

    /// Every citation of `document` (as ``citations(in:source:)`` finds them) resolved by `resolver`, in
    /// document order. Each leaf's citations are resolved as soon as it is scanned, so the unresolved ones
    /// are never all alive beside the resolved ones.
    func resolvedCitations(in document: Document, source: SourceText, resolver: TableResolver) -> [ResolvedCitation] {
        var sink = ResolvingSink(resolver: resolver)
        var leaf: [Citation] = []
        source.bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(b: buffer, source: source, extractor: self, prose: false)
            withUnsafePointer(to: document.root) { root in
                scanner.scanLeaves(UnsafeBufferPointer(start: root, count: 1), into: &leaf, sink: &sink)
            }
        }
        sink.resolved.shrinkToFit()
        return sink.resolved
    }

    /// The citations in free prose (a letter, a municipal page). Spans index the UTF-8 bytes of `text`.
    ///
    /// In prose there is no citing document: a citation with no act stays act-less (kind
    /// ``CitationKind/externalAct`` with `act == nil`), except that "§§ 82/36" right after a pair of acts
    /// written "aktivloven/integrationsloven" puts one § in each.
    public func citations(inProse text: String) -> [Citation] {
        citations(inProse: SourceText(bytes: Array(text.utf8)))
    }

    /// The citations in free prose held in `source`.
    public func citations(inProse source: SourceText) -> [Citation] {
        var result: [Citation] = []
        source.bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(b: buffer, source: source, extractor: self, prose: true)
            scanner.scan(0, buffer.count, nodeID: nil, into: &result)
        }
        return result
    }

    /// The citations in one byte range of `source` read as the text of a regulation, standing in node `nodeID`
    /// (nil when the place is unknown): "§ 17" is internal, "stk. 3" relative.
    public func citations(in source: SourceText, range: Range<Int>, nodeID: String?) -> [Citation] {
        var result: [Citation] = []
        source.bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(b: buffer, source: source, extractor: self, prose: false)
            scanner.scan(max(0, range.lowerBound), min(buffer.count, range.upperBound), nodeID: nodeID, into: &result)
        }
        return result
    }
}

// MARK: - Leaf sinks

/// What ``Scanner/scanLeaves(_:into:sink:)`` does with the citations found so far after each leaf.
protocol LeafSink {
    /// Called after a leaf is scanned, with every citation found and still kept.
    mutating func leafDone(_ found: inout [Citation])
}

/// Keeps every citation.
private struct Gather: LeafSink {
    func leafDone(_ found: inout [Citation]) {}
}

/// Resolves each leaf's citations and lets them go.
private struct ResolvingSink: LeafSink {
    let resolver: TableResolver
    var resolved: [ResolvedCitation] = []

    mutating func leafDone(_ found: inout [Citation]) {
        guard !found.isEmpty else { return }
        for citation in found { resolved.append(resolver.resolve(citation)) }
        found.removeAll(keepingCapacity: true)
    }
}

// MARK: - Scanner

/// The starts of the keywords ``Scanner`` reads at a word start ("stk.", "nr.", "kapitel", "bilag",
/// "bekendtgørelsens", "forordning", "direktiv", "lov…", "cirkulære", "vejledning"); with the act aliases they
/// make ``ActTable/startPrefixes``.
let citationKeywordPrefixes = ["stk.", "nr.", "kap", "bil", "bek", "for", "dir", "lov", "cir", "vej"]

/// The levels of a provision address, outermost first.
private enum Level: Int, Comparable {
    case section = 0, subsection, item, litra, sentence
    static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
}

private struct Element {
    var targets: [CitationTarget] = []
    var ranges: [CitationRange] = []
    /// The deepest level written in the element.
    var level: Level = .section
}

struct Scanner {
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
        return (String(decoding: UnsafeBufferPointer(rebasing: b[i..<j]), as: UTF8.self), j)
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
            let prepositionLike = letter == 0x69 /* i */ || letter == 0x6F /* o */
            if !prepositionLike, !(after < hi && (b[after] == 0x29 || (b[after] == 0x2E && after + 1 < hi && Bytes.isLetter(b, after + 1)))) {
                return (number + " " + String(UnicodeScalar(letter)), after)
            }
        }
        return (number, j)
    }

    /// Words after a bare number that say it counts something, not a provision ("stk. 2 og 3 år").
    func isUnitWord(_ i: Int) -> Bool {
        for w: StaticString in ["år", "kr", "måned", "uge", "dag", "time", "procent", "gange", "pct", "personer", "kommuner", "børn", "tandlæger"]
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
    /// title and signature excepted). The nodes are read in place: a `Node` copy per node visited would
    /// cost more than scanning most leaves.
    /// `sink` sees `result` after each leaf is scanned.
    mutating func scanLeaves<Sink: LeafSink>(
        _ nodes: UnsafeBufferPointer<Node>, into result: inout [Citation], sink: inout Sink
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
                nodes[k].children.withUnsafeBufferPointer { scanLeaves($0, into: &result, sink: &sink) }
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

    mutating func scan(_ lo: Int, _ hi: Int, nodeID: String?, into result: inout [Citation]) {
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
    mutating func parseAt(_ i: Int, nodeID: String?) -> (Citation, Int)? {
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

    // MARK: Chains of provisions

    /// A chain of provisions starting at `i` ("§ 78, stk. 2, § 129, stk. 3 … og § 166, stk. 4"), with the act
    /// that opens (`act`) or closes it. `start` is where the citation text begins (an act name before it).
    mutating func parseChain(at i: Int, start: Int, act: ActIdentity?, nodeID: String?) -> (Citation, Int)? {
        var targets: [CitationTarget] = []
        var ranges: [CitationRange] = []
        guard var (element, end) = parseElement(i, previous: nil) else { return nil }
        targets += element.targets
        ranges += element.ranges
        var hasSlashPair = false
        if element.targets.count == 2, slashBetween(i, end) { hasSlashPair = true }
        // Further elements joined by ",", "og", "samt", "eller".
        while let k = listSeparator(end), k < hi, let (next, nextEnd) = parseElement(k, previous: targets.last?.address) {
            element = next
            targets += next.targets
            ranges += next.ranges
            end = nextEnd
        }
        _ = element
        var act = act
        var spanEnd = end
        if act == nil, let (closing, closingEnd) = closingAct(end) {
            act = closing
            spanEnd = closingEnd
        } else if act == nil, let internalEnd = closingSelfReference(end) {
            spanEnd = internalEnd
        }
        if let act {
            for t in targets.indices { targets[t].act = act }
        } else if prose, hasSlashPair, contextActs.count == 2, targets.count == 2,
            targets[0].address.section?.prefix(while: \.isNumber) != targets[1].address.section?.prefix(while: \.isNumber)
        {
            // "§§ 82/36" after "aktivloven/integrationsloven": one § in each act, in the order named.
            targets[0].act = contextActs[0]
            targets[1].act = contextActs[1]
        }
        let kind: CitationKind
        if act == nil, targets.allSatisfy(\.isRelative) {
            kind = .internalRelative
        } else if act != nil || prose {
            kind = .externalAct
        } else if targets.allSatisfy(\.isRelative) {
            kind = .internalRelative
        } else {
            kind = .internalAbsolute
        }
        if prose, let act {
            // "§ 82 i aktivloven/§ 36 i integrationsloven" names a pair of acts, like "aktivloven/integrationsloven".
            if let last = lastChainAct, last != act, lastActEnd >= lo, isPairGap(lastActEnd, start) {
                contextActs = [last, act]
            }
            lastChainAct = act
            lastActEnd = spanEnd
        }
        let citation = Citation(
            text: Bytes.normalized(b, start, spanEnd), span: source.range(start, spanEnd),
            lead: leadWord(before: start, after: spanEnd),
            kind: kind, targets: targets, ranges: ranges, act: act, nodeID: nodeID)
        return (citation, spanEnd)
    }

    /// Whether `[from, to)` holds only a pair separator: "/", "eller", "og", "," and whitespace.
    func isPairGap(_ from: Int, _ to: Int) -> Bool {
        guard from <= to, to - from <= 12 else { return false }
        var k = skipSpace(from)
        if k < to, b[k] == 0x2F || b[k] == 0x2C { k = skipSpace(k + 1) }
        if word(k, "eller") { k = skipSpace(k + 5) } else if word(k, "og") { k = skipSpace(k + 2) }
        return k == to
    }

    func slashBetween(_ i: Int, _ end: Int) -> Bool {
        var k = i
        while k < end {
            if b[k] == 0x2F { return true }
            k += 1
        }
        return false
    }

    /// One element of a chain: "§ 17, stk. 3", "§§ 26-29", "stk. 1, 2)", "nr. 4, 5 og 7", "2. pkt.",
    /// "kapitel 1-5", "bilag 1". A relative element takes the levels above it from `previous` (the last
    /// address of the chain): in "§ 14, stk. 5 og stk. 7" the second element is § 14, stk. 7.
    fileprivate func parseElement(_ i: Int, previous: Address?) -> (Element, Int)? {
        var element = Element()
        var base: [Address]
        var j: Int
        if isSection(i) {
            var k = i + 2
            let plural = isSection(k)
            if plural { k += 2 }
            k = skipSpace(k)
            // "§§" takes a list; a single "§" one number (a range "§ 26-29" is read too).
            let parsed: ([(value: String, inRange: Bool)], [(String, String)], Int)?
            if plural {
                parsed = list(k, allowSlash: true, item: sectionNumber)
            } else if let (number, numberEnd) = sectionNumber(k) {
                if let d = rangeDash(numberEnd), let (upper, upperEnd) = sectionNumber(d) {
                    parsed = (expand(number, upper), [(number, upper)], upperEnd)
                } else {
                    parsed = ([(number, false)], [], numberEnd)
                }
            } else {
                parsed = nil
            }
            guard let (numbers, ranges, end) = parsed else { return nil }
            base = []
            base.reserveCapacity(numbers.count)
            element.targets.reserveCapacity(numbers.count)
            for number in numbers {
                let address = Address(section: number.value)
                base.append(address)
                element.targets.append(CitationTarget(address: address, isRangeMember: number.inRange))
            }
            element.ranges = ranges.map { CitationRange(lower: Address(section: $0.0), upper: Address(section: $0.1)) }
            element.level = .section
            j = end
            if plural { return (element, j) }
        } else if atIgnoringCase(i, "kapitel") {
            let k = skipSpace(i + (atIgnoringCase(i, "kapitlerne") ? 10 : 7))
            guard let (numbers, ranges, end) = list(k, allowSlash: false, item: integer) else { return nil }
            element.targets = numbers.map { CitationTarget(address: Address(chapter: $0.value), isRangeMember: $0.inRange) }
            element.ranges = ranges.map { CitationRange(lower: Address(chapter: $0.0), upper: Address(chapter: $0.1)) }
            return (element, end)
        } else if atIgnoringCase(i, "bilag") {
            let k = skipSpace(i + 5)
            guard let (numbers, ranges, end) = list(k, allowSlash: false, item: integer) else { return nil }
            element.targets = numbers.map { CitationTarget(address: Address(annex: $0.value), isRangeMember: $0.inRange) }
            element.ranges = ranges.map { CitationRange(lower: Address(annex: $0.0), upper: Address(annex: $0.1)) }
            return (element, end)
        } else if at(i, "stk.") || at(i, "nr.") || Bytes.isDigit(b[i]) {
            // A relative element: inherit the levels above the first one written.
            base = [Address()]
            element.level = .section
            j = i
            if let previous {
                let first: Level = at(i, "stk.") ? .subsection : at(i, "nr.") ? .item : .sentence
                var inherited = Address()
                inherited.section = previous.section
                if first > .subsection { inherited.subsection = previous.subsection }
                if first > .item {
                    inherited.item = previous.item
                    inherited.litra = previous.litra
                }
                base = [inherited]
            }
            element.targets = []
            // Parse the qualifiers directly at i (no separator before the first one).
            guard let (targets, ranges, end, level) = qualifiers(j, base: base, level: .section, first: true),
                !targets.isEmpty
            else { return nil }
            element.targets = targets
            element.ranges = ranges
            element.level = level
            return (element, end)
        } else {
            return nil
        }
        // "§ 17" followed by ", stk. 3, nr. 2, 2. pkt."
        if let (targets, ranges, end, level) = qualifiers(j, base: base, level: .section, first: false), !targets.isEmpty {
            element.targets = targets
            element.ranges += ranges
            element.level = level
            j = end
        }
        return (element, j)
    }

    /// Qualifiers below `level` after `i`: "stk. N", "nr. N", "N)" (an item after a stk.), "litra a", "N. pkt.".
    /// Each may be a list or range; deeper qualifiers apply to the last member. With `first`, the first
    /// qualifier starts right at `i`.
    fileprivate func qualifiers(_ i: Int, base: [Address], level: Level, first: Bool)
        -> ([CitationTarget], [CitationRange], Int, Level)?
    {
        var addresses = base.map { CitationTarget(address: $0) }
        var ranges: [CitationRange] = []
        var current = level
        var j = i
        var progressed = false
        var isFirst = first
        while true {
            var k = j
            if !isFirst {
                k = skipSpace(j)
                if k < hi, b[k] == 0x2C { k = skipSpace(k + 1) }
                if k == j { break }
            }
            isFirst = false
            var next: (values: [(value: String, inRange: Bool)], ranges: [(String, String)], end: Int, level: Level)?
            if current < .subsection, at(k, "stk.") {
                if let (v, r, e) = list(skipSpace(k + 4), allowSlash: false, item: integer) { next = (v, r, e, .subsection) }
            } else if current < .item, at(k, "nr.") {
                if let (v, r, e) = list(skipSpace(k + 3), allowSlash: false, item: integer) { next = (v, r, e, .item) }
            } else if current == .subsection, let (n, e) = digits(k), e < hi, b[e] == 0x29 {
                next = ([(n, false)], [], e + 1, .item)
            } else if current < .litra, current >= .item, word(k, "litra") {
                let m = skipSpace(k + 5)
                if m < hi, b[m] >= 0x61, b[m] <= 0x7A, !isWordChar(m + 1) {
                    next = ([(String(UnicodeScalar(b[m])), false)], [], m + 1, .litra)
                }
            } else if current < .sentence, let (n, e) = digits(k), e < hi, b[e] == 0x2E {
                let m = skipSpace(e + 1)
                if at(m, "pkt.") { next = ([(n, false)], [], m + 4, .sentence) }
            }
            guard let found = next else { break }
            // Apply: the last address is replaced by one per member.
            let last = addresses.removeLast()
            for member in found.values {
                var t = last
                t.isRangeMember = t.isRangeMember || member.inRange
                switch found.level {
                case .subsection: t.address.subsection = Int(member.value)
                case .item: t.address.item = member.value
                case .litra: t.address.litra = member.value
                case .sentence: t.address.sentence = Int(member.value)
                case .section: t.address.section = member.value
                }
                addresses.append(t)
            }
            for (lower, upper) in found.ranges {
                var l = last.address
                var u = last.address
                switch found.level {
                case .subsection:
                    l.subsection = Int(lower)
                    u.subsection = Int(upper)
                case .item:
                    l.item = lower
                    u.item = upper
                default: break
                }
                ranges.append(CitationRange(lower: l, upper: u))
            }
            current = found.level
            j = found.end
            progressed = true
        }
        guard progressed else { return nil }
        return (addresses, ranges, j, current)
    }

    func integer(_ i: Int) -> (String, Int)? { digits(i) }

    /// A list of numbers with ranges: "12, 18 og 22", "26-29", "10, 15,  og 26-29", "82/36", "2 - 3".
    /// Returns the members (ranges expanded), the ranges as written and the end.
    func list(_ i: Int, allowSlash: Bool, item: (Int) -> (String, Int)?)
        -> ([(value: String, inRange: Bool)], [(String, String)], Int)?
    {
        guard let (firstValue, firstEnd) = item(i) else { return nil }
        var values: [(value: String, inRange: Bool)] = []
        var ranges: [(String, String)] = []
        var end = firstEnd
        var value = firstValue
        while true {
            if let k = rangeDash(end), let (upper, upperEnd) = item(k) {
                ranges.append((value, upper))
                values += expand(value, upper)
                end = upperEnd
            } else {
                values.append((value, false))
            }
            guard let k = listSeparator(end, allowSlash: allowSlash), k < hi else { break }
            // A bare integer continues the list only when it is not "1. pkt.", "2)" or "3 år".
            guard let (nextValue, nextEnd) = item(k) else { break }
            if isListInteger(k, sections: allowSlash) == nil, !(k < hi && isSectionLetterForm(k, nextEnd)) { break }
            value = nextValue
            end = nextEnd
        }
        return (values, ranges, end)
    }

    /// Whether `[k, end)` is a § number with a letter ("82a"), which `isListInteger` rejects as a word.
    func isSectionLetterForm(_ k: Int, _ end: Int) -> Bool {
        var j = k
        while j < end, Bytes.isDigit(b[j]) { j += 1 }
        return j < end
    }

    /// The members of a range "26-29" ("4 a-6" keeps its ends and the whole numbers between).
    func expand(_ lower: String, _ upper: String) -> [(value: String, inRange: Bool)] {
        let lowerDigits = Int(lower.prefix { $0.isNumber }) ?? 0
        let upperDigits = Int(upper.prefix { $0.isNumber }) ?? 0
        guard lowerDigits > 0, upperDigits > lowerDigits else { return [(lower, true), (upper, true)] }
        var result: [(value: String, inRange: Bool)] = [(lower, true)]
        let limit = min(upperDigits, lowerDigits + extractor.maximumRangeExpansion)
        if lowerDigits + 1 < limit {
            for n in (lowerDigits + 1)..<limit { result.append((String(n), true)) }
        }
        result.append((upper, true))
        return result
    }

    /// ", i sundhedsloven", " i lov om social service": the act closing a chain, with the end of its name.
    mutating func closingAct(_ i: Int) -> (ActIdentity, Int)? {
        var k = skipSpace(i)
        if k < hi, b[k] == 0x2C { k = skipSpace(k + 1) }
        guard word(k, "i") else { return nil }
        let m = skipSpace(k + 1)
        guard m > k + 1 else { return nil }
        if let found = extractor.acts.match(b, m, hi) { return (found.act, found.end) }
        if let (act, end) = genericAct(m) { return (act, end) }
        if let (act, end) = actWord(m) { return (act, end) }
        return nil
    }

    /// " til bekendtgørelsen", " i denne bekendtgørelse": a closing phrase naming the citing document itself.
    func closingSelfReference(_ i: Int) -> Int? {
        let k = skipSpace(i)
        guard k > i else { return nil }
        for w: StaticString in ["til bekendtg\u{00F8}relsen", "i bekendtg\u{00F8}relsen", "i denne bekendtg\u{00F8}relse"]
        where atIgnoringCase(k, w) && !isWordChar(k + w.utf8CodeUnitCount) {
            return k + w.utf8CodeUnitCount
        }
        return nil
    }

    /// "lov om almene boliger m.v.": an act not in the table, read as "lov om" and up to eight words,
    /// stopping at punctuation or a word that starts a clause.
    func genericAct(_ i: Int) -> (ActIdentity, Int)? {
        guard word(i, "lov") else { return nil }
        var k = skipSpace(i + 3)
        guard word(k, "om") else { return nil }
        k = skipSpace(k + 2)
        var end = k
        var words = 0
        while k < hi, words < 8 {
            guard Bytes.isLetter(b, k) else { break }
            var e = k
            while e < hi, isWordChar(e) { e += 1 }
            var stop = false
            for w: StaticString in ["og", "jf", "samt", "eller", "som", "der", "skal", "kan", "er", "har", "til", "med", "ved", "for", "at", "efter"]
            where atIgnoringCase(k, w) && e - k == w.utf8CodeUnitCount {
                stop = true
            }
            if stop { break }
            end = e
            words += 1
            if e < hi, b[e] != 0x20 && b[e] != 0x0A && !(b[e] == 0xC2) { break }
            k = skipSpace(e)
        }
        guard words > 0 else { return nil }
        // "m.v." belongs to the name.
        let m = skipSpace(end)
        if at(m, "m.v.") { end = m + 4 }
        let name = Bytes.normalized(b, i, end)
        let key = name.lowercased()
        return (ActIdentity(key: key, name: key, isKnown: false), end)
    }

    // MARK: Acts, instruments, EU regulations

    /// An act name at `i`: opening a chain ("servicelovens §§ 104 og 110", "LAS §82", "sundhedslovens 64 b")
    /// or standing alone ("efter serviceloven").
    mutating func parseAct(_ i: Int, nodeID: String?) -> (Citation, Int)? {
        var act: ActIdentity
        var end: Int
        var genitive = false
        if let found = extractor.acts.match(b, i, hi) {
            act = found.act
            end = found.end
            genitive = found.genitive
        } else if b[i] | 0x20 == 0x6C, let (generic, genericEnd) = genericAct(i) {
            act = generic
            end = genericEnd
        } else {
            return nil
        }
        var k = skipSpace(end)
        if prose, !genitive, k < hi, b[k] == 0x2C { k = skipSpace(k + 1) }
        if isSection(k) || (genitive && k < hi && Bytes.isDigit(b[k]) && sectionNumber(k) != nil) {
            if isSection(k), let found = parseChain(at: k, start: i, act: act, nodeID: nodeID) { return found }
            if genitive, let (number, numberEnd) = sectionNumber(k) {
                // "sundhedslovens 64 b": the § sign was lost.
                let target = CitationTarget(address: Address(section: number), act: act)
                let citation = Citation(
                    text: Bytes.normalized(b, i, numberEnd), span: source.range(i, numberEnd),
                    lead: leadWord(before: i), kind: .externalAct, targets: [target], act: act, nodeID: nodeID)
                return (citation, numberEnd)
            }
        }
        if prose {
            // "aktivloven/integrationsloven": remember both for "§§ 82/36".
            if i > lo, b[i - 1] == 0x2F, lastActEnd == i - 1, contextActs.count == 1 {
                contextActs.append(act)
            } else {
                contextActs = [act]
            }
            lastActEnd = end
        }
        let citation = Citation(
            text: Bytes.normalized(b, i, end), span: source.range(i, end), lead: leadWord(before: i), kind: .externalAct,
            act: act, nodeID: nodeID)
        return (citation, end)
    }

    /// "lovbekendtgørelse nr. 903 af 26. august 2019", "lov nr. 1053 af 30. juni 2020",
    /// "Bekendtgørelse nr. 1658 af 22. december 2017".
    func parseInstrument(_ i: Int, nodeID: String?) -> (Citation, Int)? {
        let types: [(StaticString, DocumentType)] = [
            ("lovbekendtg\u{00F8}relse", .lovbekendtgoerelse), ("bekendtg\u{00F8}relse", .bekendtgoerelse),
            ("lov", .lov), ("cirkul\u{00E6}re", .cirkulaere), ("vejledning", .vejledning),
        ]
        for (name, type) in types where atIgnoringCase(i, name) {
            var k = skipSpace(i + name.utf8CodeUnitCount)
            guard k > i + name.utf8CodeUnitCount, at(k, "nr.") else { continue }
            k = skipSpace(k + 3)
            guard let (number, numberEnd) = digits(k) else { continue }
            var end = numberEnd
            var date: LegalDate?
            let m = skipSpace(numberEnd)
            if word(m, "af"), let (d, dateEnd) = parseDate(skipSpace(m + 2)) {
                date = d
                end = dateEnd
            }
            let text = Bytes.normalized(b, i, end)
            let citation = Citation(
                text: text, span: source.range(i, end), lead: leadWord(before: i), kind: .otherInstrument,
                instrument: InstrumentReference(type: type, number: number, date: date, text: text), nodeID: nodeID)
            return (citation, end)
        }
        return nil
    }

    /// "forordning (EF) nr. 883/2004", "forordning nr. 883/2004", "direktiv 2011/24/EU".
    func parseEURegulation(_ i: Int, nodeID: String?) -> (Citation, Int)? {
        var start = i
        var typeEnd: Int
        let type: String
        if word(i, "forordning") {
            type = "forordning"
            typeEnd = i + 10
        } else if word(i, "forordningen") {
            type = "forordning"
            typeEnd = i + 12
        } else if word(i, "direktiv") {
            type = "direktiv"
            typeEnd = i + 8
        } else {
            return nil
        }
        _ = start
        var k = skipSpace(typeEnd)
        var series: String?
        if k < hi, b[k] == 0x28 {
            var e = k + 1
            while e < hi, b[e] != 0x29, e - k < 8 { e += 1 }
            guard e < hi, b[e] == 0x29 else { return nil }
            series = String(decoding: UnsafeBufferPointer(rebasing: b[(k + 1)..<e]), as: UTF8.self)
            k = skipSpace(e + 1)
        }
        if at(k, "nr.") { k = skipSpace(k + 3) }
        // Digits and slashes, and letters only as a part after a slash ("2011/24/EU").
        var e = k
        var inLetters = false
        while e < hi {
            let c = b[e]
            if Bytes.isDigit(c) || c == 0x2F {
                inLetters = false
            } else if Bytes.isASCIILetter(c) && e > k && (b[e - 1] == 0x2F || inLetters) {
                inLetters = true
            } else {
                break
            }
            e += 1
        }
        while e > k, b[e - 1] == 0x2F { e -= 1 }
        let number = String(decoding: UnsafeBufferPointer(rebasing: b[k..<e]), as: UTF8.self)
        guard number.contains("/"), number.first?.isNumber ?? false else { return nil }
        start = i
        let regulation = EURegulation(type: type, series: series, number: number)
        let citation = Citation(
            text: Bytes.normalized(b, start, e), span: source.range(start, e), lead: leadWord(before: start),
            kind: .euRegulation, euRegulation: regulation, nodeID: nodeID)
        return (citation, e)
    }

    /// "26. august 2019", "28.  \n maj 2003" (wrapped), "26/08/2019".
    func parseDate(_ i: Int) -> (LegalDate, Int)? {
        guard let (dayText, dayEnd) = digits(i), let day = Int(dayText) else { return nil }
        if dayEnd < hi, b[dayEnd] == 0x2E {
            let m = skipSpace(dayEnd + 1)
            for (index, name) in LegalDate.monthNames.enumerated() {
                let bytes = Array(name.utf8)
                guard m + bytes.count <= hi else { continue }
                var same = true
                for (o, c) in bytes.enumerated() where b[m + o] | 0x20 != c {
                    same = false
                    break
                }
                guard same, !isWordChar(m + bytes.count) else { continue }
                let y = skipSpace(m + bytes.count)
                guard let (yearText, yearEnd) = digits(y), yearText.count == 4, let year = Int(yearText),
                    let date = LegalDate(year: year, month: index + 1, day: day)
                else { return nil }
                return (date, yearEnd)
            }
            return nil
        }
        if dayEnd < hi, b[dayEnd] == 0x2F, let (monthText, monthEnd) = digits(dayEnd + 1), monthEnd < hi,
            b[monthEnd] == 0x2F || b[monthEnd] == 0x20, let (yearText, yearEnd) = digits(monthEnd + 1),
            yearText.count == 4, let date = LegalDate(year: Int(yearText)!, month: Int(monthText)!, day: day)
        {
            return (date, yearEnd)
        }
        return nil
    }

    // MARK: Lead words

    /// The lead word of a citation spanning `[start, end)`: "den i stk. 5 nævnte" is "nævnt i" written around
    /// the citation; otherwise the lead word before it.
    func leadWord(before start: Int, after end: Int) -> LeadWord {
        let lead = leadWord(before: start)
        guard lead == .none else { return lead }
        let k = skipSpace(end)
        let before = Bytes.trimEnd(b, lo, start)
        guard k > end, before >= lo + 1, b[before - 1] == 0x69 /* i */, before - 1 == lo || !isWordChar(before - 2),
            atIgnoringCase(k, "n\u{00E6}vnte"), !isWordChar(k + "nævnte".utf8.count)
        else { return lead }
        return .naevntI
    }

    /// The lead word ending just before `start` (whitespace between), looked for within the leaf.
    func leadWord(before start: Int) -> LeadWord {
        let e = Bytes.trimEnd(b, lo, start)
        guard e < start || e == start else { return .none }
        func ends(_ phrase: StaticString, at end: Int) -> Int? {
            // Phrase words are separated by single spaces; the text may have any whitespace run.
            let p = UnsafeBufferPointer(start: phrase.utf8Start, count: phrase.utf8CodeUnitCount)
            var k = p.count
            var j = end
            while k > 0 {
                let c = p[k - 1]
                if c == 0x20 {
                    let t = Bytes.trimEnd(b, lo, j)
                    guard t < j else { return nil }
                    j = t
                    k -= 1
                    continue
                }
                guard j > lo else { return nil }
                let s = b[j - 1]
                guard s == c || (Bytes.isASCIILetter(s) && s | 0x20 == c) else { return nil }
                j -= 1
                k -= 1
            }
            return j == lo || !isWordChar(j - 1) ? j : nil
        }
        if ends("jf. dog", at: e) != nil || ends("jf. dog også", at: e) != nil { return .jfDog }
        if ends("jf.", at: e) != nil || ends("jfr.", at: e) != nil || ends("jf. også", at: e) != nil { return .jf }
        if ends("i henhold til", at: e) != nil { return .iHenholdTil }
        if ends("i medf\u{00F8}r af", at: e) != nil { return .iMedfoerAf }
        if ends("med hjemmel i", at: e) != nil { return .medHjemmelI }
        if ends("uanset", at: e) != nil { return .uanset }
        if ends("omfattet af", at: e) != nil || ends("omfattede af", at: e) != nil { return .omfattetAf }
        if ends("n\u{00E6}vnt i", at: e) != nil || ends("n\u{00E6}vnte i", at: e) != nil { return .naevntI }
        if ends("efter", at: e) != nil || ends("efter reglerne i", at: e) != nil { return .efter }
        return .none
    }
}
