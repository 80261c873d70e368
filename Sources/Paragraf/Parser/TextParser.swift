import Foundation

/// The result of parsing: the document and the UTF-8 source text its ranges index.
public struct ParsedDocument: Sendable {
    /// The parsed document.
    public var document: Document
    /// The source text (UTF-8; transcoded when the input was not).
    public var source: SourceText

    /// Creates a parsed document.
    public init(document: Document, source: SourceText) {
        self.document = document
        self.source = source
    }
}

/// Parses raw Danish regulation text (bekendtgørelser, love, lovbekendtgørelser) into a ``Document``.
///
/// The parser works on UTF-8 bytes in one forward pass. It never throws on content: text it cannot
/// place goes into an ``NodeKind/unplaced`` node with a diagnostic, so every non-whitespace byte of
/// the input lies in exactly one leaf, label or title range. See the DocC article "How the parser
/// reads a regulation" for the rules that tell a § heading from a citation of a §.
public enum RegulationParser {
    /// Parses raw bytes (UTF-8 with or without BOM, CRLF, Windows-1252 or ISO-8859-1).
    /// - Complexity: O(n) in the input length.
    public static func parse(_ input: [UInt8], sourceName: String = "-") -> ParsedDocument {
        let decoded = InputDecoder.decode(input)
        let source = SourceText(bytes: decoded.bytes)
        var diagnostics: [Diagnostic] = []
        switch decoded.encoding {
        case .windows1252, .mixed:
            let first = decoded.firstInvalidOffset ?? 0
            let message =
                decoded.encoding == .windows1252
                ? "input is not UTF-8; decoded as Windows-1252/ISO-8859-1 (\(decoded.invalidCount) bytes); ranges refer to the UTF-8 text"
                : "input is UTF-8 with \(decoded.invalidCount) invalid bytes, decoded as Windows-1252; ranges refer to the repaired UTF-8 text"
            // The first invalid byte's offset moves by one per earlier repaired byte; zero here.
            diagnostics.append(
                Diagnostic(
                    code: DiagnosticCode.transcoded, severity: .warning, message: message,
                    range: source.range(first, first + 1)))
        case .utf8BOM:
            diagnostics.append(
                Diagnostic(
                    code: DiagnosticCode.byteOrderMark, severity: .note,
                    message: "input starts with a UTF-8 byte order mark (kept as whitespace)", range: source.range(0, 3))
            )
        case .utf8:
            break
        }
        let document = decoded.bytes.withUnsafeBufferPointer { buffer in
            var core = ParserCore(b: buffer, source: source, diagnostics: diagnostics)
            core.inputControls = decoded.controls
            return core.run(sourceName: sourceName, encoding: decoded.encoding)
        }
        return ParsedDocument(document: document, source: source)
    }

    /// Parses a string.
    public static func parse(text: String, sourceName: String = "-") -> ParsedDocument {
        parse(Array(text.utf8), sourceName: sourceName)
    }
}

/// A node under construction.
struct Container {
    var kind: NodeKind
    var id: String
    var label: String?
    var number: String?
    var title: String?
    /// Where the container's children begin on ``ParserCore/nodes``.
    var childStart: Int
    var start: Int
    var end: Int
    var labelRange: SourceRange?
    var titleRange: SourceRange?
    var isRepealed = false
    /// Last child number seen (stk., nr., litra) for order checks.
    var lastChild = 0
    /// Sentences numbered so far.
    var sentences = 0
    /// Numeric part of the number (chapters, items).
    var ordinal = 0
}

/// Whose text the bytes after the last accepted marker are.
enum TextOwner {
    case front
    case stk
    case item
    case litra
    case annex
    case signature
    case loose
}

struct SectionNumber: Comparable {
    var value: Int
    var suffix: String

    static func < (lhs: SectionNumber, rhs: SectionNumber) -> Bool {
        (lhs.value, lhs.suffix) < (rhs.value, rhs.suffix)
    }
}

struct ParserCore {
    let b: UnsafeBufferPointer<UInt8>
    let source: SourceText
    var diagnostics: DiagnosticSink
    let n: Int

    /// Finished nodes whose parent is still open; the top-level nodes at the bottom.
    let nodes = NodeStack()
    var part: Container?
    var chapter: Container?
    var section: Container?
    var stk: Container?
    var item: Container?
    var litra: Container?
    var annex: Container?

    var owner: TextOwner = .front
    var textStart = 0
    var consumedUntil = 0
    /// End of the last heading (chapter/part title); a § right after it is a heading.
    var lastHeadingEnd = -1
    var lastSection: SectionNumber?
    var lastChapter = 0
    var lastAnnex = 0
    var sawStructure = false
    var signatureStart: Int?
    var usedIDs: [String: Int] = [:]
    var unplacedCount = 0
    /// The line of the last leaf's start (0-based), where ``SourceText/range(_:_:fromLine:)`` looks first.
    var rangeLine = 0
    /// The sentences that may hold "træder i kraft" or "ophæves", for ``MetadataExtractor``.
    var keywordSentences: [String] = []
    /// Scratch array for ``SentenceSplitter``, reused for every leaf.
    var sentenceRanges: [Range<Int>] = []
    /// Control bytes counted by ``InputDecoder`` (count, offset of the first).
    var inputControls: (count: Int, first: Int) = (0, -1)

    init(b: UnsafeBufferPointer<UInt8>, source: SourceText, diagnostics: [Diagnostic]) {
        self.b = b
        self.source = source
        self.diagnostics = DiagnosticSink(diagnostics)
        self.n = b.count
        // Ids that are checked here (sections, items, chapters …; not stk. nor sentences): one per 500 bytes
        // in the corpus. A larger table was 7 % of the parse's peak memory.
        usedIDs.reserveCapacity(min(b.count / 400, 1 << 20))
    }

    // MARK: Driver

    mutating func run(sourceName: String, encoding: SourceEncoding) -> Document {
        checkInput()
        let lines = source.lineStarts
        for lineIndex in 0..<lines.count {
            let lineStart = lines[lineIndex]
            var lineEnd = lineIndex + 1 < lines.count ? lines[lineIndex + 1] - 1 : n
            if lineEnd < lineStart { lineEnd = lineStart }
            if lineEnd <= consumedUntil { continue }
            let from = max(lineStart, consumedUntil)
            let cs = Bytes.skipInlineSpace(b, from, lineEnd)
            if cs >= lineEnd { continue }
            var resume = cs
            if from == lineStart || isOnlySpace(lineStart, from) {
                resume = lineStartMarker(at: cs, lineEnd: lineEnd) ?? cs
            }
            scanMidLine(from: max(resume, consumedUntil), lineEnd: lineEnd)
        }
        finishing = true
        flushText(upTo: n)
        closeAll()
        if let annex {
            nodes.push(finish(annex))
            self.annex = nil
        }
        // Every id is made: free the table before the document is assembled (the parse's peak memory).
        usedIDs = [:]
        if !sawStructure && n > 0 && !isOnlySpace(0, n) {
            diagnostics.append(
                Diagnostic(
                    code: DiagnosticCode.noStructure, severity: .warning,
                    message: "no structure recognised (no § or Kapitel heading)",
                    range: source.range(0, min(n, 1))))
        }
        let topChildren = nodes.popArray(from: 0)
        let rootEnd = topChildren.last?.range.end.offset ?? 0
        let root = Node(
            kind: .document, id: "document", range: source.range(0, max(rootEnd, n)), children: topChildren)
        var metadata = MetadataExtractor.extract(root: root, sentences: keywordSentences)
        if metadata.title == nil && sawStructure {
            diagnostics.append(
                Diagnostic(
                    code: DiagnosticCode.metadata, severity: .note, message: "no title line recognised",
                    range: source.range(0, 0)))
        }
        if metadata.signingDate == nil && sawStructure {
            diagnostics.append(
                Diagnostic(
                    code: DiagnosticCode.metadata, severity: .note,
                    message: "no signature (ministry, date) recognised", range: source.range(n, n)))
        }
        metadata.signers = metadata.signers.filter { !$0.isEmpty }
        return Document(
            sourceName: sourceName, encoding: encoding, sourceLength: n, metadata: metadata, root: root,
            diagnostics: diagnostics.finish())
    }

    mutating func checkInput() {
        if n == 0 || isOnlySpace(0, n) {
            diagnostics.append(
                Diagnostic(
                    code: DiagnosticCode.empty, severity: .warning, message: "input is empty or only whitespace",
                    range: source.range(0, 0)))
            return
        }
        if n >= 2 && b[n - 2] == 0x0D && b[n - 1] == 0x0A || (source.lineStarts.count > 1 && source.lineStarts[1] >= 2 && b[source.lineStarts[1] - 2] == 0x0D) {
            diagnostics.append(
                Diagnostic(
                    code: DiagnosticCode.crlf, severity: .note, message: "input uses CRLF line ends (kept as whitespace)",
                    range: source.range(0, 0)))
        }
        let (controls, first) = inputControls
        if controls > 0 {
            diagnostics.append(
                Diagnostic(
                    code: DiagnosticCode.controlBytes, severity: .warning,
                    message: "input holds \(controls) control bytes (binary data?); shown as U+FFFD in text",
                    range: source.range(first, first + 1)))
        }
    }

    func isOnlySpace(_ start: Int, _ end: Int) -> Bool { Bytes.skipSpace(b, start, end) >= end }

    // MARK: Line-start markers

    /// Tries every heading that may open a line; returns where scanning of the line resumes.
    mutating func lineStartMarker(at p: Int, lineEnd: Int) -> Int? {
        let c = b[p]
        if owner == .annex {
            if c == 0x42, let r = tryAnnex(at: p, lineEnd: lineEnd, requireContext: false) { return r }
            return nil
        }
        switch c {
        case 0xC2:
            if p + 1 < n && b[p + 1] == 0xA7 { return trySection(at: p, lineEnd: lineEnd, context: .lineStart) }
        case 0x53:  // S
            if let r = tryStk(at: p, lineEnd: lineEnd, midLine: false) { return r }
        case 0x4B, 0x6B:  // K k
            if Bytes.matchesIgnoringCase(b, p, lineEnd, "kapitel") { return tryChapter(at: p, lineEnd: lineEnd) }
        case 0x41, 0x61, 0x44:  // A a D
            if let r = tryPart(at: p, lineEnd: lineEnd) { return r }
            if c == 0x61, let r = tryItem(at: p, lineEnd: lineEnd) { return r }
        case 0x42:  // B
            if let r = tryAnnex(at: p, lineEnd: lineEnd, requireContext: true) { return r }
        case 0x30...0x39:
            if let r = tryItem(at: p, lineEnd: lineEnd) { return r }
            if let r = tryNumberedChapter(at: p, lineEnd: lineEnd) { return r }
        case 0x62...0x7A:
            if let r = tryItem(at: p, lineEnd: lineEnd) { return r }
        default:
            break
        }
        if sawStructure, let r = trySignature(at: p, lineEnd: lineEnd) { return r }
        return nil
    }

    // MARK: Mid-line markers

    /// Looks for headings that follow a sentence end on the same line (flattened texts).
    mutating func scanMidLine(from start: Int, lineEnd: Int) {
        guard sawStructure, owner != .annex, owner != .signature else { return }
        var i = start + 1
        // The next "§" lead byte and the next "S" (memchr, many bytes per step), found again once passed;
        // a candidate needs a byte after it, so the search stops one byte before the line end.
        let searchEnd = lineEnd - 1
        var nextSection = -1
        var nextS = -1
        while i < searchEnd {
            if nextSection < i { nextSection = Bytes.next(0xC2, in: b, from: i, to: searchEnd) }
            if nextS < i { nextS = Bytes.next(0x53, in: b, from: i, to: searchEnd) }
            i = min(nextSection, nextS)
            if i >= searchEnd { break }
            let c = b[i]
            if c == 0xC2 && b[i + 1] == 0xA7 {
                if i >= consumedUntil, endsSentence(before: i), let r = trySection(at: i, lineEnd: lineEnd, context: .midLine) {
                    i = r
                    continue
                }
                i += 2
                continue
            }
            if c == 0x53 && i >= consumedUntil && endsSentence(before: i) {
                if let r = tryStk(at: i, lineEnd: lineEnd, midLine: true) {
                    i = r
                    continue
                }
            }
            i += 1
        }
    }

    /// The offset of the last non-whitespace byte before `p`, or -1.
    func previousContent(before p: Int) -> Int {
        var i = p - 1
        while i >= 0 {
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0B || c == 0x0C {
                i -= 1
            } else if c == 0xA0 && i >= 1 && b[i - 1] == 0xC2 {
                i -= 2
            } else if i >= 2 && Bytes.spaceLength(b, i - 2) == 3 {
                i -= 3
            } else {
                return i
            }
        }
        return -1
    }

    /// Whether the text before `p` ends a sentence (". ", ": ", ") ") and not with a citation word.
    func endsSentence(before p: Int) -> Bool {
        let q = previousContent(before: p)
        if q < 0 { return true }
        if q < lastHeadingEnd && lastHeadingEnd <= p { return true }
        switch b[q] {
        case 0x2E:  // .
            return !SentenceSplitter.isCitationAbbreviation(b, dotAt: q)
        case 0x3A, 0x3B, 0x21, 0x3F:
            return true
        case 0x29:  // ) ends "(Ophævet)" and similar
            return true
        case 0xAB, 0xBB, 0x22, 0x9D:  // a closing «, », " or ” after a period: quoted text that ends a sentence
            var k = q - 1
            if b[q] != 0x22 { k = b[q] == 0x9D ? q - 3 : q - 2 }
            return k >= 0 && (b[k] == 0x2E || b[k] == 0x3A)
        default:
            return false
        }
    }

    // MARK: Sections

    enum SectionContext {
        case lineStart
        case midLine
        case afterHeading
    }

    /// Reads "§ 4 a." or "§§ 28-30." at `p`.
    func readSectionLabel(at p: Int, lineEnd: Int) -> (first: SectionNumber, last: SectionNumber?, numberEnd: Int)? {
        var i = p + 2
        var plural = false
        if i + 1 < lineEnd && b[i] == 0xC2 && b[i + 1] == 0xA7 {
            plural = true
            i += 2
        }
        i = Bytes.skipInlineSpace(b, i, lineEnd)
        guard let (first, afterFirst) = readNumberWithLetter(at: i, end: lineEnd) else { return nil }
        var last: SectionNumber?
        var end = afterFirst
        if plural {
            var j = Bytes.skipInlineSpace(b, afterFirst, lineEnd)
            if j < lineEnd && (b[j] == 0x2D || (j + 2 < lineEnd && b[j] == 0xE2 && b[j + 1] == 0x80 && (b[j + 2] == 0x93 || b[j + 2] == 0x94))) {
                j += b[j] == 0x2D ? 1 : 3
                j = Bytes.skipInlineSpace(b, j, lineEnd)
                if let (second, afterSecond) = readNumberWithLetter(at: j, end: lineEnd), first < second,
                    second.value - first.value < 1000
                {
                    last = second
                    end = afterSecond
                }
            } else if Bytes.matches(b, j, lineEnd, "og ") {
                j = Bytes.skipInlineSpace(b, j + 3, lineEnd)
                if let (second, afterSecond) = readNumberWithLetter(at: j, end: lineEnd), first < second {
                    last = second
                    end = afterSecond
                }
            }
            if last == nil { return nil }
        }
        return (first, last, end)
    }

    /// Reads "17", "4 a", "4a" at `i`.
    func readNumberWithLetter(at i: Int, end: Int) -> (SectionNumber, Int)? {
        var j = i
        var value = 0
        // Up to six digits: consolidated texts stay far below, generated test corpora do not.
        while j < end, Bytes.isDigit(b[j]), j - i < 7 {
            value = value * 10 + Int(b[j] - 0x30)
            j += 1
        }
        guard j > i, j - i < 7, j == end || !Bytes.isDigit(b[j]) else { return nil }
        var suffix = ""
        var k = j
        if k < end && b[k] == 0x20 { k += 1 }
        if k < end, b[k] >= 0x61, b[k] <= 0x7A, k + 1 == end || !Bytes.isLetter(b, k + 1) {
            // A lone lower-case letter after the number: "4 a" — but not the Danish words "i", "a" as in "§ 4 i lov".
            let letter = b[k]
            let next = k + 1 < end ? b[k + 1] : 0x20
            if letter != 0x69 && letter != 0x6F && (next == 0x2E || next == 0x20 || next == 0x2C || next == 0x0A || next == 0x0D || next == 0x29 || k + 1 == end || next == 0xC2) {
                suffix = String(UnicodeScalar(letter))
                j = k + 1
            }
        }
        return (SectionNumber(value: value, suffix: suffix), j)
    }

    mutating func trySection(at p: Int, lineEnd: Int, context: SectionContext) -> Int? {
        guard let (first, last, numberEnd) = readSectionLabel(at: p, lineEnd: lineEnd) else { return nil }
        var labelEnd = numberEnd
        var j = Bytes.skipInlineSpace(b, numberEnd, lineEnd)
        var hasPeriod = false
        if j < lineEnd && b[j] == 0x2E {
            hasPeriod = true
            labelEnd = j + 1
            j = Bytes.skipInlineSpace(b, j + 1, lineEnd)
        }
        let repealed = Bytes.matchesIgnoringCase(b, j, lineEnd, "(ophævet)") || Bytes.matchesIgnoringCase(b, j, lineEnd, "(ophaevet)")
        let aloneOnLine = j >= lineEnd
        let inOrder = lastSection.map { first > $0 } ?? true
        let expected = isNextSection(first)
        switch context {
        case .midLine:
            guard hasPeriod, expected, j < lineEnd, Bytes.isUpper(b, j) || repealed else { return nil }
        case .afterHeading:
            guard hasPeriod || aloneOnLine || repealed else { return nil }
        case .lineStart:
            guard hasPeriod || aloneOnLine || repealed else { return nil }
            let contextOK = !sawStructure && owner == .front ? startsBody(before: p) : endsSentence(before: p)
            if !contextOK {
                // "Beskæftigelse og indkomster, som ikke er indberettet ⏎ § 4. I opgørelsen …": a heading over a
                // group of §§ (LexDania's ParagrafGruppe) becomes the title of the first § of the group.
                guard sawStructure, hasPeriod, expected, j < lineEnd, Bytes.isUpper(b, j),
                    let heading = groupHeading(before: p)
                else { return nil }
                groupTitle = heading
            }
            if !inOrder {
                // A line-start "§ 5." below the last number: a repeated number in the source, or a citation
                // that wrapped to the start of a line. Only the former ends the previous sentence.
                guard hasPeriod, j < lineEnd, Bytes.isUpper(b, j) || repealed else { return nil }
            }
        }
        if !inOrder || (!expected && lastSection != nil) {
            let text = inOrder ? "section § \(format(first)) skips numbers after § \(format(lastSection!))" : "section § \(format(first)) does not follow § \(format(lastSection!))"
            diagnostics.append(
                Diagnostic(
                    code: DiagnosticCode.sectionOrder, severity: .warning, message: text,
                    range: source.range(p, labelEnd)))
        }
        let title = groupTitle
        groupTitle = nil
        flushText(upTo: title?.lowerBound ?? p)
        closeSection()
        if owner == .annex || owner == .signature { return nil }
        let number = format(first)
        let label = Bytes.normalized(b, p, labelEnd)
        var container = Container(
            kind: .section, id: uniqueID("p" + first.idComponent, at: p), label: label, number: number,
            childStart: nodes.count, start: title?.lowerBound ?? p, end: labelEnd, labelRange: range(p, labelEnd))
        if let title {
            container.title = Bytes.normalized(b, title.lowerBound, title.upperBound)
            container.titleRange = source.range(title.lowerBound, title.upperBound)
        }
        container.isRepealed = repealed
        if let last {
            container.number = "\(number)-\(format(last))"
        }
        section = container
        openImplicitStk(at: labelEnd)
        if let last {
            // "§§ 28-30. (Ophævet)": one labelled node for the first, empty ones for the rest, so that every
            // number in the range can be looked up.
            var sections: [SectionNumber] = []
            if first.suffix.isEmpty && last.suffix.isEmpty && last.value - first.value <= 200 {
                sections = ((first.value + 1)...last.value).map { SectionNumber(value: $0, suffix: "") }
            } else {
                sections = [last]
            }
            pendingRangeSections = sections.map { ($0, repealed) }
        }
        lastSection = last ?? first
        sawStructure = true
        lastHeadingEnd = -1
        consumedUntil = labelEnd
        return labelEnd
    }

    var pendingRangeSections: [(SectionNumber, Bool)] = []
    /// The range of a group heading found before the § being opened.
    var groupTitle: Range<Int>?

    /// The line before `p` when it reads as a heading: on a line of its own, short, starting with a capital,
    /// not ending in punctuation, and itself after a sentence end.
    func groupHeading(before p: Int) -> Range<Int>? {
        let q = previousContent(before: p)
        guard q > 0, Bytes.isLetter(b, q) || Bytes.isDigit(b[q]) || (b[q] >= 0x80 && b[q] <= 0xBF) else { return nil }
        var lineStart = q
        while lineStart > 0 && b[lineStart - 1] != 0x0A && q - lineStart < 400 { lineStart -= 1 }
        guard lineStart == 0 || b[lineStart - 1] == 0x0A else { return nil }
        let start = Bytes.skipInlineSpace(b, lineStart, q + 1)
        guard start <= q, Bytes.isUpper(b, start), start >= textStart, endsSentence(before: start) else { return nil }
        // Not a stk. or item label line, and not the last line of a wrapped sentence.
        guard !Bytes.matches(b, start, q + 1, "Stk") else { return nil }
        return start..<(q + 1)
    }

    func format(_ number: SectionNumber) -> String {
        number.suffix.isEmpty ? String(number.value) : String(number.value) + " " + number.suffix
    }

    func isNextSection(_ number: SectionNumber) -> Bool {
        guard let last = lastSection else { return true }
        if number.value == last.value + 1 && number.suffix.isEmpty { return true }
        if number.value == last.value && !number.suffix.isEmpty && number.suffix > last.suffix { return true }
        return false
    }

    /// Whether `p` may start the body: right after the front matter's formula or at the start.
    func startsBody(before p: Int) -> Bool {
        let q = previousContent(before: p)
        if q < 0 { return true }
        if q < lastHeadingEnd && lastHeadingEnd <= p { return true }
        return b[q] == 0x3A || b[q] == 0x2E || b[q] == 0x29 || endsLine(q)
    }

    /// Whether the byte at `q` is the last content of its line (a title line before "§ 1").
    func endsLine(_ q: Int) -> Bool {
        let next = Bytes.skipInlineSpace(b, q + 1, n)
        return next >= n || b[next] == 0x0A || b[next] == 0x0D
    }

    mutating func openImplicitStk(at offset: Int) {
        // Optional chaining, not `guard let`: binding copies the container. The id needs no uniqueness check
        // (nor does a later stk's, in ``tryStk(at:lineEnd:midLine:)``): the section's id is unique, and its
        // stk. numbers only grow.
        guard let sectionID = section?.id else { return }
        stk = Container(
            kind: .subsection, id: sectionID + "/stk1", number: "1", childStart: nodes.count, start: offset, end: offset)
        stk?.lastChild = 0
        owner = .stk
        textStart = offset
        sectionStkCount = 1
    }

    var sectionStkCount = 0

    // MARK: Subsections

    mutating func tryStk(at p: Int, lineEnd: Int, midLine: Bool) -> Int? {
        guard section != nil, Bytes.matches(b, p, lineEnd, "Stk") else { return nil }
        var i = p + 3
        if i < lineEnd && b[i] == 0x2E { i += 1 }
        i = Bytes.skipInlineSpace(b, i, lineEnd)
        var value = 0
        let digitsStart = i
        while i < lineEnd, Bytes.isDigit(b[i]), i - digitsStart < 4 {
            value = value * 10 + Int(b[i] - 0x30)
            i += 1
        }
        guard i > digitsStart, i == lineEnd || !Bytes.isDigit(b[i]) else { return nil }
        var labelEnd = i
        var j = Bytes.skipInlineSpace(b, i, lineEnd)
        if j < lineEnd && b[j] == 0x2E {
            labelEnd = j + 1
            j += 1
        } else if j < lineEnd && Bytes.isLetter(b, j) && !Bytes.isUpper(b, j) {
            return nil  // "Stk. 2 i lov …": prose
        }
        let expected = sectionStkCount + 1
        if midLine {
            guard value == expected, labelEnd > i else { return nil }
        } else {
            guard value > sectionStkCount else {
                // A "Stk. 2." heading again at the start of a line, after a sentence end: a repeated number
                // in the source. It stays text of the current subsection; say so.
                if labelEnd > i, endsSentence(before: p) {
                    diagnostics.append(
                        Diagnostic(
                            code: DiagnosticCode.subsectionOrder, severity: .warning,
                            message: "Stk. \(value) repeats in § \(section?.number ?? "?") after Stk. \(sectionStkCount); kept as text",
                            range: source.range(p, labelEnd)))
                }
                return nil
            }
        }
        if value != expected {
            diagnostics.append(
                Diagnostic(
                    code: DiagnosticCode.subsectionOrder, severity: .warning,
                    message: "Stk. \(value) follows Stk. \(sectionStkCount) in § \(section?.number ?? "?")",
                    range: source.range(p, labelEnd)))
        }
        flushText(upTo: p)
        closeStk()
        guard let sectionID = section?.id else { return nil }
        let number = Self.numberString(value)
        stk = Container(
            kind: .subsection, id: sectionID + "/stk" + number, label: Bytes.normalized(b, p, labelEnd),
            number: number, childStart: nodes.count, start: p, end: labelEnd, labelRange: range(p, labelEnd))
        sectionStkCount = value
        owner = .stk
        textStart = labelEnd
        consumedUntil = labelEnd
        return labelEnd
    }

    // MARK: Items

    mutating func tryItem(at p: Int, lineEnd: Int) -> Int? {
        guard section != nil, stk != nil else { return nil }
        var i = p
        var value = 0
        var letter: UInt8 = 0
        if Bytes.isDigit(b[i]) {
            while i < lineEnd, Bytes.isDigit(b[i]), i - p < 3 {
                value = value * 10 + Int(b[i] - 0x30)
                i += 1
            }
        } else if b[i] >= 0x61 && b[i] <= 0x7A {
            letter = b[i]
            i += 1
        }
        guard i > p, i < lineEnd, b[i] == 0x29 else { return nil }
        let labelEnd = i + 1
        guard labelEnd == lineEnd || Bytes.isSpace(b, labelEnd) else { return nil }
        if letter != 0 {
            // litra under the current item, or a lettered list in the stk.
            if let itemLastChild = item?.lastChild {
                let expectedLetter = UInt8(0x61 + (litra == nil ? 0 : itemLastChild))
                guard letter == expectedLetter || (litra == nil && letter == 0x61) else { return nil }
                if letter == 0x61 && litra == nil && !endsListIntro(before: p) { return nil }
                flushText(upTo: p)
                closeLitra()
                guard let parentID = item?.id else { return nil }
                item?.lastChild = Int(letter - 0x60)
                let id = uniqueID(parentID + "/" + String(UnicodeScalar(letter)), at: p)
                litra = Container(
                    kind: .item, id: id, label: Bytes.normalized(b, p, labelEnd), number: String(UnicodeScalar(letter)),
                    childStart: nodes.count, start: p, end: labelEnd, labelRange: range(p, labelEnd))
                owner = .litra
                textStart = labelEnd
                consumedUntil = labelEnd
                return labelEnd
            }
            value = Int(letter - 0x60)
            let expectedValue = (stk?.lastChild ?? 0) + 1
            guard value == expectedValue, value > 1 || endsListIntro(before: p) else { return nil }
            return openItem(at: p, labelEnd: labelEnd, value: value, number: String(UnicodeScalar(letter)))
        }
        let last = stk?.lastChild ?? 0
        if value == 1 {
            guard endsListIntro(before: p) else { return nil }
            if last > 0 {
                diagnostics.append(
                    Diagnostic(
                        code: DiagnosticCode.itemOrder, severity: .warning,
                        message: "a second list starts in \(stk?.id ?? "?")", range: source.range(p, labelEnd)))
            }
        } else {
            guard value == last + 1, last > 0 else { return nil }
        }
        return openItem(at: p, labelEnd: labelEnd, value: value, number: Self.numberString(value))
    }

    mutating func openItem(at p: Int, labelEnd: Int, value: Int, number: String) -> Int {
        flushText(upTo: p)
        closeItem()
        guard let parentID = stk?.id else { return labelEnd }
        stk?.lastChild = value
        item = Container(
            kind: .item, id: uniqueID(parentID + "/nr" + number, at: p), label: Bytes.normalized(b, p, labelEnd),
            number: number, childStart: nodes.count, start: p, end: labelEnd, labelRange: range(p, labelEnd))
        owner = .item
        textStart = labelEnd
        consumedUntil = labelEnd
        return labelEnd
    }

    /// Whether a first item may start here. Items are only looked for at the start of a line, so any
    /// introduction will do ("omfatte:", "oplyse,", "anvendes i stedet") except a citation that wrapped
    /// ("jf. stk. 1, ⏎ 1)"): a number or "stk."/"nr." just before.
    func endsListIntro(before p: Int) -> Bool {
        let q = previousContent(before: p)
        if q < 0 { return false }
        if q < textStart { return true }
        var r = q
        if b[r] == 0x2C { r = previousContent(before: r) }
        guard r >= 0 else { return false }
        if Bytes.isDigit(b[r]) { return false }
        if b[r] == 0x2E && SentenceSplitter.isCitationAbbreviation(b, dotAt: r) { return false }
        return true
    }

    // MARK: Chapters and parts

    mutating func tryChapter(at p: Int, lineEnd: Int) -> Int? {
        var i = p + 7
        let afterWord = i
        i = Bytes.skipInlineSpace(b, i, lineEnd)
        guard i > afterWord else { return nil }
        var value = 0
        let digitsStart = i
        while i < lineEnd, Bytes.isDigit(b[i]), i - digitsStart < 6 {
            value = value * 10 + Int(b[i] - 0x30)
            i += 1
        }
        var number = "\(value)"
        if i == digitsStart {
            guard let (roman, romanEnd) = readRoman(at: i, end: lineEnd) else { return nil }
            value = roman.value
            number = roman.text
            i = romanEnd
        }
        // "Kapitel 6 a": a chapter inserted after chapter 6.
        var lettered = false
        if i + 1 < lineEnd, b[i] == 0x20, b[i + 1] >= 0x61, b[i + 1] <= 0x7A, i + 2 == lineEnd || !Bytes.isLetter(b, i + 2) {
            number += " " + String(UnicodeScalar(b[i + 1]))
            lettered = true
            i += 2
        }
        guard i == lineEnd || !Bytes.isLetter(b, i) else { return nil }
        // "Kapitel 4" opening a line is a heading when it is the next chapter and not lower-case prose.
        guard b[p] == 0x4B || b[p + 1] == 0x41 else { return nil }
        guard value > lastChapter || (lettered && value == lastChapter) else { return nil }
        var labelEnd = i
        if labelEnd < lineEnd && b[labelEnd] == 0x2E { labelEnd += 1 }
        return openChapter(at: p, labelEnd: labelEnd, lineEnd: lineEnd, value: value, number: number)
    }

    /// "1. kapitel Titel".
    mutating func tryNumberedChapter(at p: Int, lineEnd: Int) -> Int? {
        var i = p
        var value = 0
        while i < lineEnd, Bytes.isDigit(b[i]), i - p < 4 {
            value = value * 10 + Int(b[i] - 0x30)
            i += 1
        }
        guard i > p, i < lineEnd, b[i] == 0x2E else { return nil }
        let wordStart = Bytes.skipInlineSpace(b, i + 1, lineEnd)
        guard Bytes.matchesIgnoringCase(b, wordStart, lineEnd, "kapitel") else { return nil }
        let labelEnd = wordStart + 7
        guard labelEnd == lineEnd || !Bytes.isLetter(b, labelEnd) else { return nil }
        guard value > lastChapter else { return nil }
        return openChapter(at: p, labelEnd: labelEnd, lineEnd: lineEnd, value: value, number: "\(value)")
    }

    mutating func openChapter(at p: Int, labelEnd: Int, lineEnd: Int, value: Int, number: String) -> Int {
        if value != lastChapter + 1 && !(value == lastChapter && number.contains(" ")) {
            diagnostics.append(
                Diagnostic(
                    code: DiagnosticCode.chapterOrder, severity: .warning,
                    message: lastChapter == 0 ? "the first chapter is Kapitel \(number)" : "Kapitel \(number) follows Kapitel \(lastChapter)",
                    range: source.range(p, labelEnd)))
        }
        flushText(upTo: p)
        closeChapter()
        lastChapter = value
        return openHeading(.chapter, idPrefix: "kap", at: p, labelEnd: labelEnd, lineEnd: lineEnd, value: value, number: number)
    }

    /// Opens a chapter or part: label, title (same line, next line or wrapped), then a § that may follow
    /// the title on the same line.
    mutating func openHeading(
        _ kind: NodeKind, idPrefix: String, at p: Int, labelEnd: Int, lineEnd: Int, value: Int, number: String
    ) -> Int {
        sawStructure = true
        var container = Container(
            kind: kind, id: uniqueID(idPrefix + String(number.filter { $0 != " " }), at: p), label: Bytes.normalized(b, p, labelEnd), number: number,
            childStart: nodes.count, start: p, end: labelEnd, labelRange: range(p, labelEnd))
        container.ordinal = value
        let (title, resume) = readHeadingTitle(after: labelEnd, lineEnd: lineEnd)
        if let title {
            // A separator alone ("Kapitel 2 -") is no title, but its bytes still lie in the title range.
            let text = cleanTitle(Bytes.normalized(b, title.lowerBound, title.upperBound))
            container.title = text.isEmpty ? nil : text
            container.titleRange = source.range(title.lowerBound, title.upperBound)
            container.end = title.upperBound
        }
        if kind == .part { part = container } else { chapter = container }
        owner = .loose
        textStart = resume
        consumedUntil = resume
        lastHeadingEnd = resume
        if resume + 1 < n, b[resume] == 0xC2, b[resume + 1] == 0xA7 {
            var sectionLineEnd = resume
            while sectionLineEnd < n && b[sectionLineEnd] != 0x0A { sectionLineEnd += 1 }
            if let r = trySection(at: resume, lineEnd: sectionLineEnd, context: .afterHeading) { return r }
        }
        return resume
    }

    /// The title after a heading label: the rest of the line up to a "§" heading, or the next line
    /// when the label stands alone. Returns the title range and where scanning resumes.
    mutating func readHeadingTitle(after labelEnd: Int, lineEnd: Int) -> (Range<Int>?, Int) {
        var start = Bytes.skipInlineSpace(b, labelEnd, lineEnd)
        // "Kapitel 1 – Titel", "Kapitel 1. Titel": the separator belongs to the title's range, not its text.
        let separatorStart = start
        if start < lineEnd && (b[start] == 0x2D || b[start] == 0x2E || b[start] == 0x3A) {
            start = Bytes.skipInlineSpace(b, start + 1, lineEnd)
        } else if start + 2 < lineEnd && b[start] == 0xE2 && b[start + 1] == 0x80 && (b[start + 2] == 0x93 || b[start + 2] == 0x94) {
            start = Bytes.skipInlineSpace(b, start + 3, lineEnd)
        }
        if separatorStart < start {
            // The title after the separator, on this line or the next; with no title (only separators
            // before a heading: "Afsnit II ..", "Kapitel 2 -"), the separators alone are the title's range.
            let (title, resume) = readHeadingTitle(after: start, lineEnd: lineEnd)
            if let title { return (separatorStart..<title.upperBound, resume) }
            return (separatorStart..<Bytes.trimEnd(b, separatorStart, min(max(resume, start), lineEnd)), resume)
        }
        if start < lineEnd {
            var i = start
            while i + 1 < lineEnd {
                if b[i] == 0xC2 && b[i + 1] == 0xA7, opensSection(at: i, lineEnd: lineEnd) {
                    let end = Bytes.trimEnd(b, start, i)
                    return (end > start ? start..<end : nil, i)
                }
                i += 1
            }
            let end = Bytes.trimEnd(b, start, lineEnd)
            if let wrapped = wrappedTitle(start: start, firstLineEnd: end) { return wrapped }
            return (start..<end, lineEnd)
        }
        // Title on the next non-blank line, unless that line is a heading itself.
        let next = Bytes.skipSpace(b, lineEnd, n)
        guard next < n else { return (nil, lineEnd) }
        var nextEnd = next
        while nextEnd < n && b[nextEnd] != 0x0A { nextEnd += 1 }
        if (b[next] == 0xC2 && next + 1 < n && b[next + 1] == 0xA7) || Bytes.matches(b, next, nextEnd, "Stk")
            || Bytes.matchesIgnoringCase(b, next, nextEnd, "kapitel")
        {
            return (nil, lineEnd)
        }
        var stop = nextEnd
        var i = next
        while i + 1 < nextEnd {
            if b[i] == 0xC2 && b[i + 1] == 0xA7, opensSection(at: i, lineEnd: nextEnd) {
                stop = i
                break
            }
            i += 1
        }
        let end = Bytes.trimEnd(b, next, stop)
        return (next..<end, stop == nextEnd ? nextEnd : stop)
    }

    /// A heading title that the raw text wrapped over several lines ("Kapitel 3 Økonomisk støtte til
    /// tandproteser ved ⏎ ulykkesbetingede tandskader § 12."): it runs on to the next § heading, or to a
    /// line ending in a period that a § heading follows, within a few hundred bytes.
    func wrappedTitle(start: Int, firstLineEnd: Int) -> (Range<Int>?, Int)? {
        guard firstLineEnd > start, b[firstLineEnd - 1] != 0x2E else { return nil }
        let limit = min(n, firstLineEnd + 400)
        var i = firstLineEnd
        while i + 1 < limit {
            let c = b[i]
            if c == 0x0A {
                // A heading of its own on the next line ends the title ("Afsnit I Titel ⏎ Kapitel 1 Titel").
                let next = Bytes.skipSpace(b, i, limit)
                if Bytes.matchesIgnoringCase(b, next, n, "kapitel") || Bytes.matchesIgnoringCase(b, next, n, "afsnit")
                    || Bytes.matches(b, next, n, "Bilag") || Bytes.matches(b, next, n, "Stk")
                {
                    return nil
                }
            }
            if c == 0xC2 && b[i + 1] == 0xA7 {
                var lineEnd = i
                while lineEnd < n && b[lineEnd] != 0x0A { lineEnd += 1 }
                guard let label = readSectionLabel(at: i, lineEnd: lineEnd), isNextSection(label.first) else { return nil }
                let end = Bytes.trimEnd(b, start, i)
                return (start..<end, i)
            }
            if c == 0x2E {
                // A title ending in a period: the next content must be a § heading.
                let next = Bytes.skipSpace(b, i + 1, limit)
                guard next + 1 < limit, b[next] == 0xC2, b[next + 1] == 0xA7 else { return nil }
                let lineStart = next
                var lineEnd = next
                while lineEnd < n && b[lineEnd] != 0x0A { lineEnd += 1 }
                guard let label = readSectionLabel(at: lineStart, lineEnd: lineEnd), isNextSection(label.first) else { return nil }
                return (start..<(i + 1), i + 1)
            }
            i += 1
        }
        return nil
    }

    /// Whether the "§" at `i` inside a heading line opens the next section ("… anfald § 20. Støtte …") rather
    /// than being cited by the title ("…, jf. lovens § 34, stk. 2").
    func opensSection(at i: Int, lineEnd: Int) -> Bool {
        guard let label = readSectionLabel(at: i, lineEnd: lineEnd), isNextSection(label.first) else { return false }
        let after = Bytes.skipInlineSpace(b, label.numberEnd, lineEnd)
        return after >= lineEnd || b[after] == 0x2E
    }

    func cleanTitle(_ title: String) -> String {
        var t = title
        while let first = t.first, first == "-" || first == "–" || first == "—" || first == ":" || first == "." || first == " " {
            t.removeFirst()
        }
        while t.hasSuffix(".") && !t.hasSuffix("m.v.") && !t.hasSuffix("m.fl.") { t.removeLast() }
        // What `trimmingCharacters(in: .whitespaces)` trims (Zs and tab), without bridging to NSString,
        // which cost 40 000 instructions a title.
        func isSpace(_ u: Unicode.Scalar) -> Bool { u == "\t" || u.properties.generalCategory == .spaceSeparator }
        var scalars = t.unicodeScalars[...]
        while let first = scalars.first, isSpace(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, isSpace(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }

    func readRoman(at i: Int, end: Int) -> ((value: Int, text: String), Int)? {
        var j = i
        var text = ""
        while j < end, "IVXLC".utf8.contains(b[j]), j - i < 8 {
            text.append(Character(UnicodeScalar(b[j])))
            j += 1
        }
        guard j > i else { return nil }
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100]
        var total = 0
        var previous = 0
        for ch in text.reversed() {
            let v = values[ch]!
            if v < previous { total -= v } else { total += v; previous = v }
        }
        return ((total, text), j)
    }

    mutating func tryPart(at p: Int, lineEnd: Int) -> Int? {
        var wordEnd = p
        if Bytes.matchesIgnoringCase(b, p, lineEnd, "afsnit") {
            wordEnd = p + 6
        } else if Bytes.matches(b, p, lineEnd, "AFDELING") || Bytes.matches(b, p, lineEnd, "Afdeling") {
            wordEnd = p + 8
        } else {
            return nil
        }
        guard b[p] == 0x41 else { return nil }
        let i = Bytes.skipInlineSpace(b, wordEnd, lineEnd)
        guard i > wordEnd else { return nil }
        var number: String
        var value: Int
        var end: Int
        if let (roman, romanEnd) = readRoman(at: i, end: lineEnd) {
            number = roman.text
            value = roman.value
            end = romanEnd
        } else {
            var j = i
            value = 0
            while j < lineEnd, Bytes.isDigit(b[j]), j - i < 4 {
                value = value * 10 + Int(b[j] - 0x30)
                j += 1
            }
            guard j > i else { return nil }
            number = "\(value)"
            end = j
        }
        guard end == lineEnd || !Bytes.isLetter(b, end) else { return nil }
        guard value == (part?.ordinal ?? 0) + 1 || value > lastPartValue else { return nil }
        var labelEnd = end
        if labelEnd < lineEnd && b[labelEnd] == 0x2E { labelEnd += 1 }
        // A part heading has no sentence after it on the line: the rest is a title without a period.
        let rest = Bytes.trimEnd(b, labelEnd, lineEnd)
        if rest > labelEnd && b[rest - 1] == 0x2E && rest - labelEnd > 120 { return nil }
        flushText(upTo: p)
        closePart()
        lastPartValue = value
        return openHeading(.part, idPrefix: "afs", at: p, labelEnd: labelEnd, lineEnd: lineEnd, value: value, number: number)
    }

    var lastPartValue = 0

    // MARK: Signature and annexes

    mutating func trySignature(at p: Int, lineEnd: Int) -> Int? {
        guard owner != .front, signatureStart == nil else { return nil }
        // "<Ministeriet>, den 11. december 2003 <signers>"
        // memchr for the commas: this runs at the start of every line that opens no heading.
        var i = p
        var denAt = -1
        let last = min(lineEnd - 6, p + 199)
        while i <= last, let base = b.baseAddress, let hit = memchr(base + i, 0x2C, last - i + 1) {
            let k = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if Bytes.matches(b, k, lineEnd, ", den ") {
                denAt = k
                break
            }
            i = k + 1
        }
        guard denAt > p else { return nil }
        // Byte search on Latin-lowercased bytes: Foundation's `contains` here cost 1.7 % of the parse.
        let prefixText = Bytes.normalized(b, p, denAt)
        let prefix = MetadataExtractor.lowercasedLatin(Array(prefixText.utf8))
        guard ["minister", "styrelse", "departement"].contains(where: { MetadataExtractor.firstIndex(of: Array($0.utf8), in: prefix, from: 0) != nil })
        else { return nil }
        guard prefixText.count < 120 else { return nil }
        // The date may wrap onto the next lines ("den 11. ⏎⏎ december 2003").
        let dateText = Bytes.normalized(b, denAt + 6, min(n, denAt + 80))
        guard DanishDates.firstDate(in: dateText) != nil else { return nil }
        guard endsSentence(before: p) else { return nil }
        flushText(upTo: p)
        closeAll()
        signatureStart = p
        owner = .signature
        textStart = p
        // "… Lars Løkke Rasmussen /Ulla Kallestrup Bilag 1 Regler …": an annex on the same line.
        let searchEnd = min(n, denAt + 400)
        var j = denAt + 6
        while j + 6 < searchEnd {
            if b[j] == 0x42 && Bytes.matches(b, j, searchEnd, "Bilag") && Bytes.isSpace(b, j - 1) {
                var annexLineEnd = j
                while annexLineEnd < n && b[annexLineEnd] != 0x0A { annexLineEnd += 1 }
                if let r = tryAnnex(at: j, lineEnd: annexLineEnd, requireContext: false) { return r }
            }
            j += 1
        }
        consumedUntil = lineEnd
        return lineEnd
    }

    mutating func tryAnnex(at p: Int, lineEnd: Int, requireContext: Bool) -> Int? {
        guard Bytes.matches(b, p, lineEnd, "Bilag") || Bytes.matches(b, p, lineEnd, "BILAG") else { return nil }
        var i = Bytes.skipInlineSpace(b, p + 5, lineEnd)
        guard i > p + 5 else { return nil }
        var value = 0
        let digitsStart = i
        while i < lineEnd, Bytes.isDigit(b[i]), i - digitsStart < 3 {
            value = value * 10 + Int(b[i] - 0x30)
            i += 1
        }
        guard i > digitsStart, i == lineEnd || !Bytes.isLetter(b, i) else { return nil }
        guard value == lastAnnex + 1 else { return nil }
        if requireContext {
            guard sawStructure, endsSentence(before: p) else { return nil }
            // Inside a § only when what follows looks like a heading (title without a closing period on the line).
            if owner != .signature && owner != .annex {
                let rest = Bytes.trimEnd(b, i, lineEnd)
                guard rest > i, b[rest - 1] != 0x2E || rest - i < 100 else { return nil }
            }
        }
        var labelEnd = i
        if labelEnd < lineEnd && b[labelEnd] == 0x2E { labelEnd += 1 }
        flushText(upTo: p)
        closeAll()
        if let annex { nodes.push(finish(annex)) }
        lastAnnex = value
        sawStructure = true
        var container = Container(
            kind: .annex, id: uniqueID("bilag\(value)", at: p), label: Bytes.normalized(b, p, labelEnd), number: "\(value)",
            childStart: nodes.count, start: p, end: labelEnd, labelRange: range(p, labelEnd))
        // Title: up to " (" or a sentence end or the end of the line.
        let titleStart = Bytes.skipInlineSpace(b, labelEnd, lineEnd)
        var titleEnd = titleStart
        var k = titleStart
        while k < lineEnd {
            if b[k] == 0x28 && k > titleStart { break }
            if b[k] == 0x2E && (k + 1 == lineEnd || Bytes.isSpace(b, k + 1)) {
                k += 1
                titleEnd = k
                break
            }
            k += 1
            titleEnd = k
        }
        titleEnd = Bytes.trimEnd(b, titleStart, titleEnd)
        var annexLineEnd = lineEnd
        if titleEnd > titleStart, k >= lineEnd, b[titleEnd - 1] != 0x2E, let more = wrappedAnnexTitle(after: lineEnd) {
            titleEnd = more.titleEnd
            annexLineEnd = more.lineEnd
        }
        var resume = labelEnd
        if titleEnd > titleStart {
            container.title = cleanTitle(Bytes.normalized(b, titleStart, titleEnd))
            container.titleRange = source.range(titleStart, titleEnd)
            container.end = titleEnd
            resume = titleEnd
        }
        annex = container
        owner = .annex
        textStart = resume
        consumedUntil = max(lineEnd, resume)
        return annexLineEnd
    }

    /// An annex title wrapped by blank-line noise ("Regler for ortodontivisitation og ⏎⏎
    /// ortodontiindikationer (Reglerne …"): the next fragment up to "(" or a period.
    func wrappedAnnexTitle(after lineEnd: Int) -> (titleEnd: Int, lineEnd: Int)? {
        guard lineEnd < n else { return nil }
        var i = lineEnd + 1
        var sawBlankLine = false
        while i < n {
            let lineStart = i
            let cs = Bytes.skipInlineSpace(b, i, n)
            if cs >= n { return nil }
            if b[cs] == 0x0A {
                sawBlankLine = true
                i = cs + 1
                continue
            }
            guard sawBlankLine else { return nil }
            _ = lineStart
            var end = cs
            while end < n && b[end] != 0x0A && b[end] != 0x28 && !(b[end] == 0x2E && (end + 1 == n || Bytes.isSpace(b, end + 1))) && end - cs < 200 {
                end += 1
            }
            guard end < n else { return nil }
            // A short fragment alone on its line continues the title too ("ortodontiindikationer").
            guard b[end] == 0x28 || b[end] == 0x2E || (b[end] == 0x0A && end - cs < 80) else { return nil }
            let titleEnd = b[end] == 0x2E ? end + 1 : Bytes.trimEnd(b, cs, end)
            var le = end
            while le < n && b[le] != 0x0A { le += 1 }
            return (titleEnd, le)
        }
        return nil
    }

    // MARK: Text

    /// Hands the bytes `[textStart, end)` to whoever owns them now.
    mutating func flushText(upTo end: Int) {
        let start = Bytes.skipSpace(b, textStart, end)
        defer { textStart = max(textStart, end) }
        let trimmed = Bytes.trimEnd(b, start, end)
        guard trimmed > start else {
            if owner == .front { addFront(start: 0, end: 0) }
            return
        }
        switch owner {
        case .front:
            addFront(start: start, end: trimmed)
        case .stk:
            if let section, section.isRepealed, stk.map({ nodes.count == $0.childStart }) ?? true {
                let node = leaf(.sentence, id: (stk?.id ?? "") + "/pkt1", number: "1", start, trimmed)
                if stk != nil { nodes.push(node) }
                stk?.sentences = 1
            } else {
                stk = withSentences(start, trimmed, in: stk.take())
            }
        case .item:
            item = withSentences(start, trimmed, in: item.take())
        case .litra:
            litra = withSentences(start, trimmed, in: litra.take())
        case .annex:
            appendBlocks(start, trimmed)
        case .signature:
            let id = uniqueID("signature", at: start)
            nodes.push(leaf(.signature, id: id, number: nil, start, trimmed))
        case .loose:
            unplacedCount += 1
            let id = uniqueID("unplaced\(unplacedCount)", at: start)
            let node = leaf(.unplaced, id: id, number: nil, start, trimmed)
            diagnostics.append(
                Diagnostic(
                    code: DiagnosticCode.unplaced, severity: .warning,
                    message: "text between a heading and the first § is kept as unplaced",
                    range: source.range(start, trimmed)))
            nodes.push(node)  // to the chapter, the part or the top level, whichever is open
        }
    }

    /// Pushes the sentences of `[start, end)` as children of `container` (the innermost open one), which
    /// the caller takes out of its field (`stk.take()`) so that counting them does not copy it.
    mutating func withSentences(_ start: Int, _ end: Int, in container: Container?) -> Container? {
        guard var c = container else { return nil }
        var ranges: [Range<Int>] = []
        swap(&ranges, &sentenceRanges)
        defer { sentenceRanges = ranges }
        ranges.removeAll(keepingCapacity: true)
        SentenceSplitter.split(b, start, end, into: &ranges)
        let prefix = c.id + "/pkt"
        for range in ranges {
            c.sentences += 1
            // Unique without a lookup: the container's id is unique and the counter only grows.
            let number = Self.numberString(c.sentences)
            nodes.push(leaf(.sentence, id: prefix + number, number: number, range.lowerBound, range.upperBound))
        }
        return c
    }

    mutating func appendBlocks(_ start: Int, _ end: Int) {
        guard let a = annex.take() else { return }
        for range in AnnexBlocks.split(b, start, end) {
            let number = nodes.count - a.childStart + 1
            let text = Self.numberString(number)
            let id = a.id + "/blk" + text  // unique: the annex id is, and the number only grows
            nodes.push(leaf(.block, id: id, number: text, range.lowerBound, range.upperBound))
        }
        annex = a
    }

    mutating func leaf(_ kind: NodeKind, id: String, number: String?, _ start: Int, _ end: Int) -> Node {
        let text = Bytes.normalized(b, start, end)
        if kind == .sentence && MetadataExtractor.mayHoldKeyword(UnsafeBufferPointer(rebasing: b[start..<end])) {
            keywordSentences.append(text)
        }
        return Node(kind: kind, id: id, number: number, text: text, range: range(start, end))
    }

    /// The range `[start, end)`, found from the last range's line on (ranges come in document order).
    mutating func range(_ start: Int, _ end: Int) -> SourceRange {
        source.range(start, end, fromLine: &rangeLine)
    }

    /// "1" … "99": sentence and block numbers without formatting an integer for each leaf.
    static let smallNumbers: [String] = (0..<100).map { String($0) }

    static func numberString(_ value: Int) -> String {
        value >= 0 && value < smallNumbers.count ? smallNumbers[value] : String(value)
    }

    var frontDone = false
    /// Set for the final flush at the end of input: front matter flushed then had no heading after it.
    var finishing = false

    /// Title, preamble or unplaced text before the first heading.
    mutating func addFront(start: Int, end: Int) {
        guard !frontDone else { return }
        frontDone = true
        guard end > start else { return }
        var lineEnd = start
        while lineEnd < end && b[lineEnd] != 0x0A { lineEnd += 1 }
        let firstWord = Bytes.normalized(b, start, min(lineEnd, start + 40)).lowercased()
        let instruments = [
            "bekendtgørelse", "lovbekendtgørelse", "lov ", "lov om", "cirkulære", "vejledning", "anordning", "regulativ",
            "forskrift", "bkg",
        ]
        let hasTitle = instruments.contains { firstWord.hasPrefix($0) }
        var preambleStart = start
        if hasTitle {
            var titleEnd = Bytes.trimEnd(b, start, lineEnd)
            for marker: StaticString in [" I medfør af", " I henhold til", " Herved bekendtgøres", " Efter bemyndigelse", " Efter forhandling"] {
                if let at = find(marker, in: start, titleEnd) {
                    titleEnd = Bytes.trimEnd(b, start, at)
                    break
                }
            }
            nodes.push(leaf(.title, id: "title", number: nil, start, titleEnd))
            preambleStart = Bytes.skipSpace(b, titleEnd, end)
        }
        guard preambleStart < end else { return }
        // Byte search on Latin-lowercased bytes: `lowercased()` and `contains` on 4 000 characters cost
        // millions of instructions per document (callgrind).
        let text = MetadataExtractor.lowercasedLatin(Array(Bytes.normalized(b, preambleStart, min(end, preambleStart + 4000)).utf8))
        func has(_ word: String) -> Bool { MetadataExtractor.firstIndex(of: Array(word.utf8), in: text, from: 0) != nil }
        // Without any structure after it, the text is prose, not a preamble.
        if !finishing && (hasTitle || has("medfør") || has("fastsættes") || has("bekendtgøres")) {
            nodes.push(leaf(.preamble, id: "preamble", number: nil, preambleStart, end))
        } else {
            unplacedCount += 1
            nodes.push(leaf(.unplaced, id: "unplaced\(unplacedCount)", number: nil, preambleStart, end))
            diagnostics.append(
                Diagnostic(
                    code: DiagnosticCode.unplaced, severity: .warning,
                    message: !finishing
                        ? "text before the first heading is neither title nor preamble; kept as unplaced"
                        : "text without any § or chapter heading; kept as unplaced",
                    range: source.range(preambleStart, end)))
        }
    }

    func find(_ needle: StaticString, in start: Int, _ end: Int) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard count > 0, end - start >= count else { return nil }
        var i = start
        while i + count <= end {
            if Bytes.matches(b, i, end, needle) { return i }
            i += 1
        }
        return nil
    }

    // MARK: Closing containers

    mutating func finish(_ c: Container) -> Node {
        assert(c.childStart <= nodes.count, "a container's children are on top of the stack")
        let lastRange = nodes.lastRange(above: c.childStart)
        var end = c.end
        if let lastRange { end = max(end, lastRange.end.offset) }
        // The positions are usually known already: the start is the label's or the title's, the end the
        // last child's (a container spans many lines; looking them up again cost 3 % of the parse).
        let start: SourcePosition? =
            c.labelRange?.start.offset == c.start ? c.labelRange?.start
            : c.titleRange?.start.offset == c.start ? c.titleRange?.start : nil
        let endPosition: SourcePosition? =
            lastRange?.end.offset == end ? lastRange?.end
            : c.labelRange?.end.offset == end ? c.labelRange?.end : nil
        let nodeRange: SourceRange
        if let start, let endPosition {
            nodeRange = SourceRange(start: start, end: endPosition)
        } else {
            nodeRange = range(c.start, end)
        }
        return Node(
            kind: c.kind, id: c.id, label: c.label, number: c.number, title: c.title, range: nodeRange,
            labelRange: c.labelRange, titleRange: c.titleRange, isRepealed: c.isRepealed, children: nodes.popArray(from: c.childStart))
    }

    mutating func closeLitra() {
        guard let l = litra else { return }
        let node = finish(l)
        if item != nil { nodes.push(node) }
        litra = nil
    }

    mutating func closeItem() {
        closeLitra()
        guard let i = item else { return }
        let node = finish(i)
        if stk != nil { nodes.push(node) }
        item = nil
    }

    mutating func closeStk() {
        closeItem()
        guard let s = stk else { return }
        let node = finish(s)
        if section != nil { nodes.push(node) }
        stk = nil
    }

    mutating func closeSection() {
        closeStk()
        guard let s = section else { return }
        let node = finish(s)
        appendToChapter(node)
        if !pendingRangeSections.isEmpty {
            let at = node.range.end.offset
            for (number, repealed) in pendingRangeSections {
                let id = uniqueID("p" + number.idComponent, at: at)
                appendToChapter(
                    Node(kind: .section, id: id, number: format(number), range: source.range(at, at), isRepealed: repealed))
            }
            pendingRangeSections = []
        }
        section = nil
    }

    mutating func appendToChapter(_ node: Node) {
        nodes.push(node)  // to the chapter, the part or the top level, whichever is open
    }

    mutating func closeChapter() {
        closeSection()
        guard let c = chapter else { return }
        let node = finish(c)
        nodes.push(node)  // to the part or the top level
        chapter = nil
    }

    mutating func closePart() {
        closeChapter()
        guard let p = part else { return }
        let node = finish(p)
        nodes.push(node)
        part = nil
    }

    mutating func closeAll() {
        closePart()
    }

    mutating func uniqueID(_ id: String, at offset: Int) -> String {
        // One hash of the id in the common case (a new id), not a lookup and then an insert.
        if let count = usedIDs.updateValue(1, forKey: id) {
            usedIDs[id] = count + 1
            let unique = "\(id)~\(count + 1)"
            diagnostics.append(
                Diagnostic(
                    code: DiagnosticCode.duplicateID, severity: .warning,
                    message: "\(id) appears again; this one is \(unique)", range: source.range(offset, offset)))
            return unique
        }
        return id
    }
}

extension SectionNumber {
    var idComponent: String { suffix.isEmpty ? String(value) : String(value) + suffix }
}
