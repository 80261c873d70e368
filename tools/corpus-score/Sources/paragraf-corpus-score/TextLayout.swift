/// The two ways the scorer writes a document as text, as a person copying it from Retsinformation would get it.
enum Layout: Int, CaseIterable, CustomStringConvertible {
    /// Title, `Kapitel N` lines, one § per line (stk. and items inline, as the dataset has them).
    case sectionPerLine = 1
    /// The same with each `Stk. N.`, item (`1)`) and litra (`a)`) on a line of its own.
    case subsectionPerLine = 2

    var description: String { self == .sectionPerLine ? "§/line" : "stk./line" }
}

/// A document written out in one layout, with the line each provision starts on.
struct LaidOutText {
    var bytes: [UInt8]
    /// 1-based line of each provision's first line.
    var provisionLines: [Int]
    /// Offsets of the line starts.
    var lineStarts: [Int]

    init(document: DatasetDocument, layout: Layout) {
        var out: [UInt8] = []
        out.reserveCapacity(document.provisions.reduce(document.title.utf8.count + 1) { $0 + $1.content.utf8.count + 16 })
        var line = 1
        var lines: [Int] = []
        lines.reserveCapacity(document.provisions.count)
        func append(_ text: some Sequence<UInt8>) {
            for byte in text {
                out.append(byte == 0x0A || byte == 0x0D ? 0x20 : byte)
            }
            out.append(0x0A)
            line += 1
        }
        append(document.title.utf8)
        var chapter: String?
        for provision in document.provisions {
            if let number = provision.chapter.flatMap(ChapterNumber.init), number.description != chapter {
                append("Kapitel \(number.display)".utf8)
                chapter = number.description
            }
            lines.append(line)
            let content = Array(provision.content.utf8)
            if layout == .subsectionPerLine {
                for piece in Self.splitSubsectionsAndItems(content) { append(piece) }
            } else {
                append(content)
            }
        }
        bytes = out
        provisionLines = lines
        lineStarts = [0] + out.indices.filter { out[$0] == 0x0A }.map { $0 + 1 }
    }

    /// The text of a 1-based line (without its line feed).
    func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end < start { end = start }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The 1-based line of a byte offset.
    func lineNumber(ofOffset offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Cuts a § at its "Stk. 2.", "Stk. 3." … markers (in order) and at its items "1) 2) …" and litra
    /// "a) b) …" (each in order, a list starting at 1 or a), so that each is a line of its own.
    static func splitSubsectionsAndItems(_ text: [UInt8]) -> [ArraySlice<UInt8>] {
        var cuts: [Int] = []
        var nextStk = 2
        var nextItem = 1
        var nextLitra: UInt8 = 0  // 0: no item open, so no litra expected
        var i = 1
        while i + 2 < text.count {
            guard text[i - 1] == 0x20 else {
                i += 1
                continue
            }
            if let value = number(in: text, at: i, prefix: "Stk."), value == nextStk {
                cuts.append(i)
                nextStk += 1
                nextItem = 1
                nextLitra = 0
            } else if let value = itemNumber(in: text, at: i), value == nextItem || value == 1, !citationBefore(text, i - 1) {
                cuts.append(i)
                nextItem = value + 1
                nextLitra = 0x61
            } else if nextLitra != 0, text[i] == nextLitra || text[i] == 0x61, text[i + 1] == 0x29, text[i + 2] == 0x20,
                !citationBefore(text, i - 1)
            {
                cuts.append(i)
                nextLitra = text[i] + 1
            }
            i += 1
        }
        var pieces: [ArraySlice<UInt8>] = []
        var start = 0
        for cut in cuts {
            // The space before the marker becomes the line feed.
            pieces.append(text[start..<(cut - 1)])
            start = cut
        }
        pieces.append(text[start...])
        return pieces
    }

    /// "Stk. 3." at `i`: 3.
    static func number(in text: [UInt8], at i: Int, prefix: StaticString) -> Int? {
        let p = prefix.utf8Start
        let count = prefix.utf8CodeUnitCount
        guard i + count < text.count else { return nil }
        for k in 0..<count where text[i + k] != p[k] { return nil }
        var j = i + count
        while j < text.count, text[j] == 0x20 { j += 1 }
        var value = 0
        let start = j
        while j < text.count, text[j] >= 0x30, text[j] <= 0x39, j - start < 3 {
            value = value * 10 + Int(text[j] - 0x30)
            j += 1
        }
        guard j > start, j < text.count, text[j] == 0x2E else { return nil }
        return value
    }

    /// "12) " at `i`: 12.
    static func itemNumber(in text: [UInt8], at i: Int) -> Int? {
        var j = i
        var value = 0
        while j < text.count, text[j] >= 0x30, text[j] <= 0x39, j - i < 3 {
            value = value * 10 + Int(text[j] - 0x30)
            j += 1
        }
        guard j > i, j + 1 < text.count, text[j] == 0x29, text[j + 1] == 0x20 else { return nil }
        return value
    }

    /// Whether the word before the space at `space` makes the next "2)" part of a citation ("nr. 2)", "stk. 1, 2)").
    static func citationBefore(_ text: [UInt8], _ space: Int) -> Bool {
        var k = space - 1
        while k >= 0, text[k] == 0x2C { k -= 1 }
        guard k >= 0 else { return false }
        if text[k] >= 0x30 && text[k] <= 0x39 { return true }
        var start = k
        while start > 0, text[start - 1] != 0x20 { start -= 1 }
        let word = String(decoding: text[start...k], as: UTF8.self).lowercased()
        return word == "nr." || word == "stk." || word == "litra" || word == "§" || word == "jf."
    }
}
