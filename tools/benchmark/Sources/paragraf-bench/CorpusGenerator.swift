import Paragraf

/// Makes a large, realistic regulation from a real one: the body (first chapter up to the signature)
/// is repeated `factor` times with §§ and chapters renumbered consecutively, and the citations of each
/// copy point into that copy, so the result parses as one long, well-formed bekendtgørelse.
///
/// Headings are found with the parser (label ranges), citations by a byte scan: every number after
/// "§"/"§§" in a list ("§§ 12, 18 og 22", "§§ 26-29", "§ 4 a") and after "kapitel" is shifted, unless
/// the citation names another act ("sundhedslovens § 64 b", "§ 66 … i lov om social service") or the
/// number is above the seed's last §.
struct CorpusGenerator {
    let seed: [UInt8]
    let parsed: ParsedDocument
    /// Body of the seed: from the first chapter (or §) to the signature (or first annex).
    let body: Range<Int>
    /// Highest § number and chapter number of the seed.
    let sections: Int
    let chapters: Int
    /// Label ranges of the §§ and chapters in the body, by start offset.
    let sectionLabels: [Int: Range<Int>]
    let chapterLabels: [Int: Range<Int>]

    init(seed: [UInt8]) {
        self.seed = seed
        let parsed = RegulationParser.parse(seed, sourceName: "seed")
        self.parsed = parsed
        let root = parsed.document.root
        var bodyStart = seed.count
        var bodyEnd = seed.count
        for child in root.children {
            switch child.kind {
            case .chapter, .part, .section:
                bodyStart = min(bodyStart, child.range.start.offset)
            case .signature, .annex:
                if child.range.start.offset > bodyStart { bodyEnd = min(bodyEnd, child.range.start.offset) }
            default:
                break
            }
        }
        // Whole lines: back to the line start, so a copy never glues onto the previous one.
        while bodyStart > 0 && seed[bodyStart - 1] != 0x0A { bodyStart -= 1 }
        while bodyEnd > bodyStart && bodyEnd < seed.count && seed[bodyEnd - 1] != 0x0A { bodyEnd -= 1 }
        body = bodyStart..<bodyEnd
        var sectionLabels: [Int: Range<Int>] = [:]
        var chapterLabels: [Int: Range<Int>] = [:]
        var maxSection = 0
        var maxChapter = 0
        root.forEach { node in
            guard let label = node.labelRange?.offsets else { return }
            if node.kind == .section {
                sectionLabels[label.lowerBound] = label
                maxSection = max(maxSection, Int(node.number?.prefix { $0.isNumber } ?? "") ?? 0)
                if let upper = node.number?.split(separator: "-").last, let value = Int(upper.prefix { $0.isNumber }) {
                    maxSection = max(maxSection, value)
                }
            } else if node.kind == .chapter {
                chapterLabels[label.lowerBound] = label
                maxChapter = max(maxChapter, Int(node.number ?? "") ?? 0)
            }
        }
        self.sections = maxSection
        self.chapters = maxChapter
        self.sectionLabels = sectionLabels
        self.chapterLabels = chapterLabels
    }

    /// The seed with its body repeated `factor` times.
    func scaled(_ factor: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(seed.count + (factor - 1) * body.count + factor * 64)
        out.append(contentsOf: seed[..<body.lowerBound])
        for copy in 0..<factor {
            appendBody(copy: copy, to: &out)
            if out.last != 0x0A { out.append(0x0A) }
        }
        out.append(contentsOf: seed[body.upperBound...])
        return out
    }

    func appendBody(copy: Int, to out: inout [UInt8]) {
        let sectionShift = copy * sections
        let chapterShift = copy * chapters
        var i = body.lowerBound
        while i < body.upperBound {
            if let label = sectionLabels[i] {
                appendShifted(label, by: sectionShift, to: &out)
                i = label.upperBound
                continue
            }
            if let label = chapterLabels[i] {
                appendShifted(label, by: chapterShift, to: &out)
                i = label.upperBound
                continue
            }
            if seed[i] == 0xC2, i + 1 < body.upperBound, seed[i + 1] == 0xA7 {
                i = appendCitation(at: i, shift: sectionShift, limit: sections, to: &out)
                continue
            }
            if seed[i] == 0x6B || seed[i] == 0x4B, matches(i, "apitel", offset: 1), i == 0 || !isLetter(seed[i - 1]) {
                i = appendChapterCitation(at: i, shift: chapterShift, to: &out)
                continue
            }
            out.append(seed[i])
            i += 1
        }
    }

    /// Copies `range`, adding `shift` to every run of digits in it.
    func appendShifted(_ range: Range<Int>, by shift: Int, to out: inout [UInt8]) {
        var i = range.lowerBound
        while i < range.upperBound {
            if isDigit(seed[i]) {
                var value = 0
                while i < range.upperBound, isDigit(seed[i]) {
                    value = value * 10 + Int(seed[i] - 0x30)
                    i += 1
                }
                out.append(contentsOf: Array(String(value + shift).utf8))
            } else {
                out.append(seed[i])
                i += 1
            }
        }
    }

    /// A citation "§ 17", "§§ 12, 18 og 22", "§§ 26-29" at `start` (the "§"): copies it with its
    /// numbers shifted when it is internal; returns where copying continues.
    func appendCitation(at start: Int, shift: Int, limit: Int, to out: inout [UInt8]) -> Int {
        // The numbers of the list: (range of digits, value).
        var numbers: [(Range<Int>, Int)] = []
        var i = start + 2
        if i + 1 < body.upperBound, seed[i] == 0xC2, seed[i + 1] == 0xA7 { i += 2 }
        while i < body.upperBound {
            let digitsStart = skipSpaces(i)
            var j = digitsStart
            var value = 0
            while j < body.upperBound, isDigit(seed[j]), j - digitsStart < 5 {
                value = value * 10 + Int(seed[j] - 0x30)
                j += 1
            }
            guard j > digitsStart else { break }
            numbers.append((digitsStart..<j, value))
            // "4 a": a letter suffix; then ", ", " og ", "-", " - ", "–" continue the list.
            var k = j
            if k + 1 < body.upperBound, seed[k] == 0x20, seed[k + 1] >= 0x61, seed[k + 1] <= 0x7A,
                k + 2 >= body.upperBound || !isLetter(seed[k + 2])
            {
                k += 2
            }
            if k < body.upperBound, seed[k] == 0x2D {
                i = k + 1
            } else if matches(k, " - ") || matches(k, " og ") && k + 4 < body.upperBound && isDigit(seed[skipSpaces(k + 4)]) {
                i = k + (matches(k, " - ") ? 3 : 4)
            } else if matches(k, ", "), isDigit(seed[skipSpaces(k + 2)]) {
                i = k + 2
            } else if matches(k, "\u{2013}") {
                i = k + 3
            } else {
                i = k
                break
            }
        }
        let end = numbers.last?.0.upperBound ?? (start + 2)
        let isInternal = !numbers.isEmpty && numbers.allSatisfy { $0.1 <= limit } && !namesOtherAct(citationStart: start, end: end)
        var cursor = start
        for (digits, value) in numbers where isInternal {
            out.append(contentsOf: seed[cursor..<digits.lowerBound])
            out.append(contentsOf: Array(String(value + shift).utf8))
            cursor = digits.upperBound
        }
        out.append(contentsOf: seed[cursor..<end])
        return end
    }

    /// "kapitel 3" in running text.
    func appendChapterCitation(at start: Int, shift: Int, to out: inout [UInt8]) -> Int {
        let digitsStart = skipSpaces(start + 7)
        var j = digitsStart
        var value = 0
        while j < body.upperBound, isDigit(seed[j]), j - digitsStart < 3 {
            value = value * 10 + Int(seed[j] - 0x30)
            j += 1
        }
        guard j > digitsStart, value <= chapters else {
            out.append(contentsOf: seed[start..<(start + 7)])
            return start + 7
        }
        out.append(contentsOf: seed[start..<digitsStart])
        out.append(contentsOf: Array(String(value + shift).utf8))
        return j
    }

    /// Whether the citation is to another act: a genitive act name before it ("sundhedslovens § 64 b")
    /// or "i lov …", "i sundhedsloven", "i lov om …" after it in the same clause.
    func namesOtherAct(citationStart: Int, end: Int) -> Bool {
        var w = citationStart
        while w > body.lowerBound, seed[w - 1] == 0x20 { w -= 1 }
        let wordEnd = w
        while w > body.lowerBound, isLetter(seed[w - 1]) { w -= 1 }
        let before = String(decoding: seed[w..<wordEnd], as: UTF8.self).lowercased()
        if before.hasSuffix("lovens") || before.hasSuffix("loven") || before == "las" { return true }
        // Look ahead to the end of the clause (". ", ";", ":" or 120 bytes).
        var k = end
        let limit = min(body.upperBound, end + 120)
        while k < limit {
            let c = seed[k]
            if c == 0x3B || c == 0x3A || c == 0x0A
                || (c == 0x2E && k + 1 < limit && seed[k + 1] == 0x20 && k + 2 < limit && isUpper(seed[k + 2]))
            {
                break
            }
            if c == 0xC2, k + 1 < limit, seed[k + 1] == 0xA7 { break }
            if matches(k, " i lov") || matches(k, " i sundhedsloven") || matches(k, " i serviceloven")
                || matches(k, " i bekendtgørelse") || matches(k, "loven")
            {
                return true
            }
            k += 1
        }
        return false
    }

    func matches(_ i: Int, _ word: String, offset: Int = 0) -> Bool {
        let bytes = Array(word.utf8)
        let from = i + offset
        guard from + bytes.count <= seed.count else { return false }
        for (k, c) in bytes.enumerated() where seed[from + k] != c { return false }
        return true
    }

    func skipSpaces(_ i: Int) -> Int {
        var i = i
        while i < body.upperBound, seed[i] == 0x20 || seed[i] == 0x0A || seed[i] == 0x09 || seed[i] == 0x0D { i += 1 }
        return i
    }

    func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    func isUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A || c == 0xC3 }
    func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c >= 0x80 }
}
