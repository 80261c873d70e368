import Foundation

/// Sections ("§ 4 a.", "§§ 28-30.") and subsections ("Stk. 3."), with the implicit first stk. of a §.
extension ParserCore {
    // MARK: Sections

    /// Where a "§" heading candidate stands.
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

    /// Reads a section heading at `p` and opens the section (with its implicit stk. 1) when the context
    /// allows; returns where scanning resumes.
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
            let (section, last) = (format(first), format(lastSection!))
            diagnostics.raise(
                inOrder ? .sectionSkips(section: section, last: last) : .sectionOutOfOrder(section: section, last: last),
                at: source.range(p, labelEnd))
        }
        let title = groupTitle
        groupTitle = nil
        flushText(upTo: title?.lowerBound ?? p)
        closeSection()
        if owner == .annex || owner == .signature { return nil }
        let number = format(first)
        let label = Bytes.normalized(b, p, labelEnd)
        var container = Container(
            kind: .section, id: uniqueID(.section(number), under: nil, at: p), label: label, number: number,
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

    /// "17", "4 a".
    func format(_ number: SectionNumber) -> String {
        number.suffix.isEmpty ? String(number.value) : String(number.value) + " " + number.suffix
    }

    /// Whether `number` is the one expected after the last section.
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

    /// Opens stk. 1 of the section just opened (it has no marker).
    mutating func openImplicitStk(at offset: Int) {
        // Optional chaining, not `guard let`: binding copies the container. The id needs no uniqueness check
        // (nor does a later stk's, in ``tryStk(at:lineEnd:midLine:)``): the section's id is unique, and its
        // stk. numbers only grow.
        guard let sectionID = section?.id else { return }
        stk = Container(
            kind: .subsection, id: ids.sequential(.subsection(1), under: sectionID), number: "1", childStart: nodes.count, start: offset, end: offset)
        stk?.lastChild = 0
        owner = .stk
        textStart = offset
        sectionStkCount = 1
    }


    // MARK: Subsections

    /// Reads "Stk. 3." (also "Stk.3.", "Stk. 3") at `p` and opens the subsection.
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
                    diagnostics.raise(
                        .subsectionRepeats(number: value, section: section?.number ?? "?", last: sectionStkCount),
                        at: source.range(p, labelEnd))
                }
                return nil
            }
        }
        if value != expected {
            diagnostics.raise(
                .subsectionOutOfOrder(number: value, last: sectionStkCount, section: section?.number ?? "?"),
                at: source.range(p, labelEnd))
        }
        flushText(upTo: p)
        closeStk()
        guard let sectionID = section?.id else { return nil }
        let number = Self.numberString(value)
        stk = Container(
            kind: .subsection, id: ids.sequential(.subsection(value), under: sectionID), label: Bytes.normalized(b, p, labelEnd),
            number: number, childStart: nodes.count, start: p, end: labelEnd, labelRange: range(p, labelEnd))
        sectionStkCount = value
        owner = .stk
        textStart = labelEnd
        consumedUntil = labelEnd
        return labelEnd
    }
}
