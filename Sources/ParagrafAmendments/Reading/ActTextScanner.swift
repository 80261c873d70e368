import Paragraf

/// Finds the §§ and numbered instructions of an amending act's plain text, as Retsinformation prints it:
///
/// ```
/// § 1
/// I lov om hold af dyr, jf. lovbekendtgørelse nr. 9 af 6. januar 2022, foretages følgende ændringer:
/// 1. Efter § 53 indsættes:
/// »§ 53 a. …
/// Stk. 2. …«
/// 2. I § 66 indsættes efter stk. 2 som nyt stykke:
/// ```
///
/// A § heading ("§ 2", "§ 2.", "§ 2 I …") counts only when it continues the act's numbering, an instruction
/// ("2. I § 66 …") only when it continues its §'s, and neither inside a quotation (»…«, nested ones counted),
/// so that quoted "§ 53 a." and "Stk. 2." lines stay quoted text. A quotation left open does not swallow the
/// rest of the act: the next instruction with the expected number and a verb, or the next expected § heading
/// standing alone, ends it (the grammar then reports the unclosed »). Instructions written on one line
/// ("… »…« 2. I § 66 …") are split where the next number follows a sentence end or a quotation. One pass over
/// the bytes.
struct ActTextScanner {
    let source: SourceText
    private let b: [UInt8]
    private var raw = RawAct()
    private var preamble: [Range<Int>] = []
    private var signature: [Range<Int>] = []
    private var inSignature = false
    /// The block being read: the current §'s introduction (instruction nil) or an instruction.
    private var blockStart: Int?
    private var blockEnd = 0
    private var instructionNumber: String?
    private var expectedInstruction = 1
    private var depth = 0

    /// At most this many §§ and instructions are read (a larger act's rest is kept in the last one).
    static let maxBlocks = 200_000

    init(source: SourceText) {
        self.source = source
        self.b = source.bytes
    }

    /// The act's §§ and instructions, with title and signing date.
    static func scan(_ source: SourceText) -> RawAct {
        var scanner = ActTextScanner(source: source)
        scanner.run()
        return scanner.raw
    }

    private mutating func run() {
        let starts = source.lineStarts
        for (index, lineStart) in starts.enumerated() {
            var lineEnd = index + 1 < starts.count ? starts[index + 1] - 1 : b.count
            while lineEnd > lineStart, isSpace(b[lineEnd - 1]) { lineEnd -= 1 }
            var i = lineStart
            while i < lineEnd, isSpace(b[i]) { i += 1 }
            guard i < lineEnd else { continue }
            if inSignature {
                signature.append(i..<lineEnd)
                continue
            }
            if let start = head(at: i, lineEnd: lineEnd) {
                i = start
            } else if depth == 0, !raw.sections.isEmpty, isSignature(i, lineEnd) {
                close()
                inSignature = true
                signature.append(i..<lineEnd)
                continue
            } else if raw.sections.isEmpty {
                preamble.append(i..<lineEnd)
                continue
            }
            scanLine(from: i, to: lineEnd)
        }
        close()
        finishMetadata()
    }

    // MARK: Heads

    /// A § heading or an instruction at the start of a line: the block is closed and a new one begins; returns
    /// where the new block's text starts.
    private mutating func head(at i: Int, lineEnd: Int) -> Int? {
        if let (number, textStart, alone) = sectionHead(at: i, lineEnd: lineEnd), depth == 0 || alone,
            raw.sections.count < Self.maxBlocks
        {
            depth = 0
            close()
            raw.sections.append(RawAct.Section(number: number, range: i..<lineEnd, intro: RawText(), instructions: []))
            expectedInstruction = 1
            instructionNumber = nil
            blockStart = textStart < lineEnd ? textStart : nil
            blockEnd = lineEnd
            return textStart
        }
        if !raw.sections.isEmpty, let textStart = instructionHead(at: i, end: lineEnd), depth == 0 || hasVerb(textStart, lineEnd) {
            depth = 0
            startInstruction(at: i, textStart: textStart, lineEnd: lineEnd)
            return textStart
        }
        return nil
    }

    private mutating func startInstruction(at i: Int, textStart: Int, lineEnd: Int) {
        close()
        instructionNumber = "\(expectedInstruction)"
        expectedInstruction += 1
        blockStart = i
        blockEnd = lineEnd
    }

    /// "§ 2", "§ 2.", "§ 2. I …", "§ 2 I …" continuing the act's numbering: (number, text start, alone).
    private func sectionHead(at i: Int, lineEnd: Int) -> (String, Int, Bool)? {
        guard i + 1 < lineEnd, b[i] == 0xC2, b[i + 1] == 0xA7 else { return nil }
        var j = i + 2
        while j < lineEnd, isSpace(b[j]) { j += 1 }
        let digits = j
        while j < lineEnd, isDigit(b[j]), j - digits < 6 { j += 1 }
        guard j > digits, let n = Int(String(decoding: b[digits..<j], as: UTF8.self)) else { return nil }
        if let last = raw.sections.last.flatMap({ Int($0.number) }) {
            guard n == last + 1 else { return nil }
        }
        let number = "\(n)"
        if j == lineEnd { return (number, lineEnd, true) }
        if b[j] == 0x2E {  // "§ 2." then text or nothing
            var k = j + 1
            while k < lineEnd, isSpace(b[k]) { k += 1 }
            return (number, k, k == lineEnd)
        }
        guard isSpace(b[j]) else { return nil }
        var k = j
        while k < lineEnd, isSpace(b[k]) { k += 1 }
        // "§ 2 I dyrevelfærdsloven …": an introduction on the heading's line.
        guard k < lineEnd, isUpper(k) else { return nil }
        return (number, k, false)
    }

    /// "2. " + text when 2 is the next instruction's number: the start of its text.
    private func instructionHead(at i: Int, end: Int) -> Int? {
        var j = i
        while j < end, isDigit(b[j]), j - i < 6 { j += 1 }
        guard j > i, j + 1 < end, b[j] == 0x2E, isSpace(b[j + 1]),
            Int(String(decoding: b[i..<j], as: UTF8.self)) == expectedInstruction
        else { return nil }
        var k = j + 1
        while k < end, isSpace(b[k]) { k += 1 }
        guard k < end, isUpper(k) || (b[k] == 0xC2 && k + 1 < end && (b[k + 1] == 0xA7 || b[k + 1] == 0xBB)) else { return nil }
        return k
    }

    /// Whether an instruction verb occurs in `[from, to)` before any quotation, within its first 1,000 bytes
    /// (an instruction names its verb early; the bound keeps a long line of false starts linear).
    private func hasVerb(_ from: Int, _ to: Int) -> Bool {
        var end = from
        let limit = min(to, from + 1_000)
        while end < limit, !(b[end] == 0xC2 && end + 1 < limit && b[end + 1] == 0xBB) { end += 1 }
        let text = String(decoding: b[from..<end], as: UTF8.self)
        return ["indsættes", "ændres", "ophæves", "affattes", "udgår", "bliver herefter"].contains { text.contains($0) }
    }

    /// A signature line: "Under Vor Kongelige Hånd og Segl", "Givet på …", "Ministeriet …, den 30. juni 2020 …".
    private func isSignature(_ i: Int, _ end: Int) -> Bool {
        let line = String(decoding: b[i..<min(end, i + 300)], as: UTF8.self)
        if line.hasPrefix("Under Vor") || line.hasPrefix("Givet på") || line.hasPrefix("Givet ") { return true }
        guard let comma = line.range(of: ", den "), DanishDates.firstDate(in: String(line[comma.upperBound...])) != nil
        else { return false }
        let before = line[..<comma.lowerBound]
        return !before.contains(".") && !before.contains(":") && !before.hasPrefix("I ") && before.first?.isUppercase == true
            && !before.contains("§")
    }

    // MARK: Bytes of a line

    private mutating func scanLine(from i: Int, to end: Int) {
        if blockStart == nil, i < end { blockStart = i }
        var k = i
        var lastMark = -1  // where the last ".", ":" or "«" ended
        while k < end {
            let c = b[k]
            if c == 0xC2, k + 1 < end, b[k + 1] == 0xBB {
                depth += 1
                k += 2
                continue
            }
            if c == 0xC2, k + 1 < end, b[k + 1] == 0xAB {
                depth = max(0, depth - 1)
                k += 2
                lastMark = k
                continue
            }
            if c == 0x2E || c == 0x3A {
                lastMark = k + 1
            } else if depth == 0, c == 0xC2, k + 1 < end, b[k + 1] == 0xA7, lastMark >= 0, k > lastMark,
                (lastMark..<k).allSatisfy({ isSpace(b[$0]) }), !endsAbbreviation(lastMark - 1),
                let (number, textStart, _) = sectionHead(at: k, lineEnd: end), textStart < end, isUpper(textStart)
            {
                // "… ophæves. § 2. Bekendtgørelsen træder i kraft …" on one line.
                var stop = lastMark
                while stop > (blockStart ?? 0), isSpace(b[stop - 1]) { stop -= 1 }
                blockEnd = stop
                close()
                raw.sections.append(RawAct.Section(number: number, range: k..<end, intro: RawText(), instructions: []))
                expectedInstruction = 1
                blockStart = textStart
                k = textStart
                continue
            } else if depth == 0, isDigit(c), lastMark >= 0, k > lastMark, (lastMark..<k).allSatisfy({ isSpace(b[$0]) }),
                let textStart = instructionHead(at: k, end: end), hasVerb(textStart, end)
            {
                var stop = lastMark
                while stop > (blockStart ?? 0), isSpace(b[stop - 1]) { stop -= 1 }
                blockEnd = stop
                startInstruction(at: k, textStart: textStart, lineEnd: end)
                k = textStart
                continue
            }
            k += 1
        }
        blockEnd = end
    }

    /// Ends the block being read: its text goes to the current § (introduction or instruction).
    private mutating func close() {
        defer {
            blockStart = nil
            instructionNumber = nil
        }
        guard let start = blockStart, blockEnd > start, !raw.sections.isEmpty else { return }
        let text = RawText(exact: start..<blockEnd, in: source)
        let last = raw.sections.count - 1
        raw.sections[last].range = raw.sections[last].range.lowerBound..<max(raw.sections[last].range.upperBound, blockEnd)
        if let number = instructionNumber {
            // The text starts after "2. ".
            var textStart = start
            while textStart < blockEnd, isDigit(b[textStart]) { textStart += 1 }
            textStart += 1
            while textStart < blockEnd, isSpace(b[textStart]) { textStart += 1 }
            raw.sections[last].instructions.append((number, RawText(exact: textStart..<blockEnd, in: source)))
        } else if raw.sections[last].intro.isEmpty {
            raw.sections[last].intro = text
        } else {
            raw.sections[last].intro.append(RawText.Piece(text: source.string(start..<blockEnd), range: start..<blockEnd, exact: true))
        }
    }

    // MARK: Metadata

    /// Title (the first line, after a "LOV nr 1547 af 12/12/2023" header), type, number and signing date.
    private mutating func finishMetadata() {
        var lines = preamble.map { Bytes.normalized(source.string($0)) }
        if let first = lines.first, let header = Self.header(first) {
            raw.number = header.number
            raw.year = header.date?.year
            raw.signingDate = header.date
            lines.removeFirst()
        }
        raw.title = lines.first
        if let title = raw.title?.lowercased() {
            if title.hasPrefix("lov") { raw.documentType = .lov }
            if title.hasPrefix("bekendtgørelse") { raw.documentType = .bekendtgoerelse }
        }
        if raw.signingDate == nil {
            for line in signature {
                if let date = DanishDates.firstDate(in: source.string(line)) {
                    raw.signingDate = date
                    break
                }
            }
        }
        raw.year = raw.year ?? raw.signingDate?.year
    }

    /// "LOV nr 1547 af 12/12/2023", "Lov nr. 1547 af 12. december 2023".
    static func header(_ line: String) -> (number: String, date: LegalDate?)? {
        let words = line.split(separator: " ")
        guard words.count >= 4, ["lov", "bek", "lbk", "bekendtgørelse"].contains(words[0].lowercased()),
            words[1] == "nr" || words[1] == "nr.", words[2].allSatisfy(\.isNumber), words[3] == "af"
        else { return nil }
        let rest = words.dropFirst(4).joined(separator: " ")
        var date = DanishDates.firstDate(in: rest)
        if date == nil {
            let parts = rest.split(separator: "/").map { Int($0.prefix(4)) }
            if parts.count == 3, let d = parts[0], let m = parts[1], let y = parts[2] { date = LegalDate(year: y, month: m, day: d) }
        }
        return (String(words[2]), date)
    }

    /// Whether the period at `dot` ends an abbreviation ("jf.", "stk.", "nr.", "pkt.", "kr.", "m.v."), not a
    /// sentence.
    private func endsAbbreviation(_ dot: Int) -> Bool {
        guard dot >= 0, dot < b.count, b[dot] == 0x2E else { return false }
        var start = dot
        while start > 0, dot - start < 12, !isSpace(b[start - 1]) { start -= 1 }
        let word = String(decoding: b[start..<dot], as: UTF8.self).lowercased()
        return ["jf", "stk", "nr", "pkt", "kr", "m.v", "bl.a", "f.eks", "lov", "§", "§§"].contains(word)
    }

    // MARK: Bytes

    private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A || c == 0x0C }
    private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// An upper-case letter at `i` (ASCII, Æ, Ø, Å).
    private func isUpper(_ i: Int) -> Bool {
        let c = b[i]
        if c >= 0x41 && c <= 0x5A { return true }
        return c == 0xC3 && i + 1 < b.count && (b[i + 1] == 0x86 || b[i + 1] == 0x98 || b[i + 1] == 0x85)
    }
}
