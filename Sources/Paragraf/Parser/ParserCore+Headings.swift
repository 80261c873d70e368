import Foundation

/// Headings: chapters ("Kapitel 4", "1. kapitel"), parts ("Afsnit I"), annexes ("Bilag 1") with their
/// titles, and the front matter before the first heading (the title line and the preamble).
extension ParserCore {
    // MARK: Chapters and parts

    /// Reads "Kapitel 4", "Kapitel 6 a", "Kapitel 4 A", "Kapitel 9\u{A0}b", "KAPITEL IV", "Kapitel VII A" at `p`.
    /// The number has one form: arabic, the letter lower-cased ("4 a", "4", "7 a"); the label keeps what the
    /// heading says.
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
        if i == digitsStart {
            guard let (roman, romanEnd) = readRoman(at: i, end: lineEnd) else { return nil }
            value = roman.value
            i = romanEnd
        }
        // "Kapitel 6 a", "Kapitel 4 A": a chapter inserted after chapter 6 (4).
        var letter = ""
        if let (read, end) = chapterLetter(at: i, lineEnd: lineEnd) {
            letter = read
            i = end
        }
        guard i == lineEnd || !Bytes.isLetter(b, i) else { return nil }
        // "Kapitel 4" opening a line is a heading when it is the next chapter and not lower-case prose.
        guard b[p] == 0x4B || b[p + 1] == 0x41 else { return nil }
        var labelEnd = i
        if labelEnd < lineEnd && b[labelEnd] == 0x2E { labelEnd += 1 }
        guard chapterMayOpen(value: value, letter: letter, labelEnd: labelEnd, lineEnd: lineEnd) else { return nil }
        let number = letter.isEmpty ? "\(value)" : "\(value) \(letter)"
        return openChapter(at: p, labelEnd: labelEnd, lineEnd: lineEnd, value: value, number: number)
    }

    /// "1. kapitel Titel", "5 a. kapitel".
    mutating func tryNumberedChapter(at p: Int, lineEnd: Int) -> Int? {
        var i = p
        var value = 0
        while i < lineEnd, Bytes.isDigit(b[i]), i - p < 4 {
            value = value * 10 + Int(b[i] - 0x30)
            i += 1
        }
        guard i > p else { return nil }
        var letter = ""
        if let (read, end) = chapterLetter(at: i, lineEnd: lineEnd) {
            letter = read
            i = end
        }
        guard i < lineEnd, b[i] == 0x2E else { return nil }
        let wordStart = Bytes.skipInlineSpace(b, i + 1, lineEnd)
        guard Bytes.matchesIgnoringCase(b, wordStart, lineEnd, "kapitel") else { return nil }
        let labelEnd = wordStart + 7
        guard labelEnd == lineEnd || !Bytes.isLetter(b, labelEnd) else { return nil }
        guard chapterMayOpen(value: value, letter: letter, labelEnd: labelEnd, lineEnd: lineEnd) else { return nil }
        let number = letter.isEmpty ? "\(value)" : "\(value) \(letter)"
        return openChapter(at: p, labelEnd: labelEnd, lineEnd: lineEnd, value: value, number: number)
    }

    /// The letter after a chapter's number: " a", " A", "\u{A0}b", "a" — one ASCII letter that no other letter
    /// follows; lower-cased.
    func chapterLetter(at i: Int, lineEnd: Int) -> (String, Int)? {
        var k = i
        if k < lineEnd && b[k] == 0x20 {
            k += 1
        } else if k + 1 < lineEnd && b[k] == 0xC2 && b[k + 1] == 0xA0 {
            k += 2
        }
        guard k < lineEnd, Bytes.isASCIILetter(b[k]), k + 1 == lineEnd || !Bytes.isLetter(b, k + 1) else { return nil }
        // "Kapitel 4 I" is no chapter 4 i: "I" starts a title ("I medfør af …") as often as it numbers one.
        if b[k] == 0x49 && k + 1 < lineEnd && b[k + 1] == 0x20 { return nil }
        return (String(UnicodeScalar(b[k] | 0x20)), k + 1)
    }

    /// Whether a chapter heading with this number may open here: the next chapter, a lettered one after its
    /// number ("Kapitel 4 a" after "Kapitel 4"), or — as amending acts quote chapters of the act they amend —
    /// one whose number goes back, when its line is a heading line (nothing after the label but a short title
    /// without a closing period) and a § heading comes next.
    func chapterMayOpen(value: Int, letter: String, labelEnd: Int, lineEnd: Int) -> Bool {
        if value > lastChapter { return true }
        if value == lastChapter && !letter.isEmpty && letter > lastChapterLetter { return true }
        let rest = Bytes.skipInlineSpace(b, labelEnd, lineEnd)
        let restEnd = Bytes.trimEnd(b, rest, lineEnd)
        guard restEnd - rest < 120, restEnd == rest || b[restEnd - 1] != 0x2E else { return false }
        // The § on the next line, or on the one after a title line.
        var lineStart = lineEnd
        for _ in 0..<2 {
            let next = Bytes.skipSpace(b, lineStart, n)
            guard next + 1 < n else { return false }
            if b[next] == 0xC2 && b[next + 1] == 0xA7 { return true }
            guard restEnd == rest else { return false }
            lineStart = next
            while lineStart < n && b[lineStart] != 0x0A { lineStart += 1 }
        }
        return false
    }

    /// Opens the chapter whose label was read, with a P008 warning when its number is out of order.
    mutating func openChapter(at p: Int, labelEnd: Int, lineEnd: Int, value: Int, number: String) -> Int {
        let letter = number.split(separator: " ").dropFirst().first.map(String.init) ?? ""
        if value != lastChapter + 1 && !(value == lastChapter && letter > lastChapterLetter) {
            let order: ParserDiagnostic =
                lastChapter == 0 ? .firstChapter(number: number) : .chapterOutOfOrder(number: number, last: lastChapter)
            diagnostics.raise(order, at: source.range(p, labelEnd))
        }
        flushText(upTo: p)
        closeChapter()
        lastChapter = value
        lastChapterLetter = letter
        return openHeading(.chapter, at: p, labelEnd: labelEnd, lineEnd: lineEnd, value: value, number: number)
    }

    /// Opens a chapter or part: label, title (same line, next line or wrapped), then a § that may follow
    /// the title on the same line.
    mutating func openHeading(
        _ kind: NodeKind, at p: Int, labelEnd: Int, lineEnd: Int, value: Int, number: String
    ) -> Int {
        sawStructure = true
        var container = Container(
            kind: kind, id: uniqueID(kind == .part ? .part(number) : .chapter(number), under: nil, at: p),
            label: Bytes.normalized(b, p, labelEnd), number: number,
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

    /// A heading title without leading separators, trailing periods (but "m.v.") and outer blanks.
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

    /// Reads a Roman numeral ("IV") at `i`: its value, its text and where it ends.
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
            if v < previous {
                total -= v
            } else {
                total += v
                previous = v
            }
        }
        return ((total, text), j)
    }

    /// Reads "Afsnit I", "AFDELING 2" at `p`.
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
        return openHeading(.part, at: p, labelEnd: labelEnd, lineEnd: lineEnd, value: value, number: number)
    }

    // MARK: Annexes

    /// Reads "Bilag 1" at `p` with its title.
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
            kind: .annex, id: uniqueID(.annex("\(value)"), under: nil, at: p), label: Bytes.normalized(b, p, labelEnd), number: "\(value)",
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
            while end < n && b[end] != 0x0A && b[end] != 0x28 && !(b[end] == 0x2E && (end + 1 == n || Bytes.isSpace(b, end + 1)))
                && end - cs < 200
            {
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

    // MARK: Front matter

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
            for marker: StaticString in [
                " I medfør af", " I henhold til", " Herved bekendtgøres", " Efter bemyndigelse", " Efter forhandling",
            ] {
                if let at = find(marker, in: start, titleEnd) {
                    titleEnd = Bytes.trimEnd(b, start, at)
                    break
                }
            }
            nodes.push(leaf(.title, id: uniqueID(.title, under: nil, at: start), number: nil, start, titleEnd))
            preambleStart = Bytes.skipSpace(b, titleEnd, end)
        }
        guard preambleStart < end else { return }
        // Byte search on Latin-lowercased bytes: `lowercased()` and `contains` on 4 000 characters cost
        // millions of instructions per document (callgrind).
        let text = MetadataExtractor.lowercasedLatin(Array(Bytes.normalized(b, preambleStart, min(end, preambleStart + 4000)).utf8))
        func has(_ word: String) -> Bool { MetadataExtractor.firstIndex(of: Array(word.utf8), in: text, from: 0) != nil }
        // Without any structure after it, the text is prose, not a preamble.
        if !finishing && (hasTitle || has("medfør") || has("fastsættes") || has("bekendtgøres")) {
            nodes.push(leaf(.preamble, id: uniqueID(.preamble, under: nil, at: preambleStart), number: nil, preambleStart, end))
        } else {
            unplacedCount += 1
            nodes.push(
                leaf(.unplaced, id: uniqueID(.unplaced(unplacedCount), under: nil, at: preambleStart), number: nil, preambleStart, end))
            diagnostics.raise(
                finishing ? .unplacedWithoutStructure : .unplacedFrontMatter, at: source.range(preambleStart, end))
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
}
