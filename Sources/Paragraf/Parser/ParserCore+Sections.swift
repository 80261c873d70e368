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

    /// Reads a section heading at `p` and opens the section (with its implicit stk. 1) when the context
    /// allows; returns where scanning resumes.
    ///
    /// At a line's start a § that continues the numbering (the next number, or a letter after the last) is a
    /// heading whatever the line before ends with, unless that line leads into a citation ("jf.", "efter",
    /// a comma; but a conjunction that joins prose, "… m.v. og ⏎ § 22. Loven …", does not); one that does not
    /// continue it needs a sentence end before it. Mid-line, a § after an amending instruction's colon
    /// ("indsættes i kapitel 5: § 17 a. …") is the quoted provision, not a heading. A label without a period
    /// ("§ 53 Fiskefonden kan …") is a heading when it continues the numbering and a capital follows. A range
    /// or list in another spelling than "§§ 28-30." ("§ 8 b. - § 9.", "§§ 168 og 169") is one when a status in
    /// parentheses follows ("(Ophævet)", "(Udeladt)").
    mutating func trySection(at p: Int, lineEnd: Int, context: SectionContext) -> Int? {
        guard var read = readSectionLabel(at: p, lineEnd: lineEnd) else { return nil }
        if context == .lineStart, read.last == nil, !isNextSection(read.first),
            let (lenient, end) = readLenientNumber(at: p, lineEnd: lineEnd), isNextSection(lenient)
        {
            // "§ 5 D Den skattepligtige …" after § 5 c: the capital is the letter the numbering wants.
            read.first = lenient
            read.numberEnd = end
        }
        let first = read.first
        let last = read.last
        var labelEnd = read.numberEnd
        var j = Bytes.skipInlineSpace(b, read.numberEnd, lineEnd)
        var hasPeriod = false
        if j < lineEnd && b[j] == 0x2E {
            hasPeriod = true
            labelEnd = j + 1
            j = Bytes.skipInlineSpace(b, j + 1, lineEnd)
        }
        let status = statusAfterLabel(at: j, lineEnd: lineEnd)
        let repealed = status.repealed
        // "§§ 28-30." was always a heading; the other spellings of a range or list need their status.
        if last != nil && !(read.isPlural && hasPeriod) && !status.present { return nil }
        let aloneOnLine = j >= lineEnd
        let inOrder = lastSection.map { first > $0 } ?? true
        let expected = isNextSection(first)
        let capitalAfter = j < lineEnd && Bytes.isUpper(b, j)
        switch context {
        case .midLine:
            guard hasPeriod, expected, j < lineEnd, capitalAfter || repealed, !followsInstructionColon(before: p) else { return nil }
        case .afterHeading:
            guard hasPeriod || aloneOnLine || status.present else { return nil }
        case .lineStart:
            // "§ 53 Fiskefonden kan …", "§ 52 a 6) Der henvises …", "§ 94 Stk. 1. (Ophævet)": no period, but the
            // next § and a word, a footnote number or a first stk. after it.
            // Out of sequence only after a sentence end ("… Grønland. ⏎ § 24 Loven træder i kraft …" in a
            // consolidated act's notes).
            let unpunctuated =
                !hasPeriod && last == nil && j + 1 < lineEnd
                && ((capitalAfter && !Bytes.matches(b, j, lineEnd, "Stk")) || startsFootnote(at: j, lineEnd: lineEnd)
                    || Bytes.matches(b, j, lineEnd, "Stk. 1."))
                && (expected || (sawStructure && endsSentence(before: p)))
            guard hasPeriod || aloneOnLine || status.present || unpunctuated else { return nil }
            let contextOK = !sawStructure && owner == .front ? startsBody(before: p) : endsSentence(before: p)
            if !contextOK {
                if sawStructure, hasPeriod, expected, capitalAfter, let heading = groupHeading(before: p) {
                    // "Beskæftigelse og indkomster, som ikke er indberettet ⏎ § 4. I opgørelsen …": a heading over
                    // a group of §§ (LexDania's ParagrafGruppe) becomes the title of the first § of the group.
                    groupTitle = heading
                } else {
                    let cited =
                        followsCitationLead(before: p)
                        && !(expected && hasPeriod && capitalAfter && endsWithConjunctionAfterProse(before: p))
                    guard sawStructure, !aloneOnLine, !cited,
                        opensAfterUnendedLine(
                            first, hasPeriod: hasPeriod, inOrder: inOrder, expected: expected, at: j, before: p, lineEnd: lineEnd,
                            status: status.present)
                    else { return nil }
                }
            }
            if !inOrder {
                // A line-start "§ 5." below the last number: a repeated number in the source (a consolidated act's
                // notes quote the in-force §§ of amending acts, "§ 77. §§ 50, 51 … finder anvendelse"), or a
                // citation that wrapped to the start of a line. Only the former ends the previous sentence and opens
                // a provision.
                let sectionAfter = j + 1 < lineEnd && b[j] == 0xC2 && b[j + 1] == 0xA7
                guard hasPeriod || unpunctuated, j < lineEnd, capitalAfter || status.present || sectionAfter || Bytes.isDigit(b[j])
                else { return nil }
            }
        }
        if let lastSection, !inOrder || !expected {
            let (section, last) = (first.description, lastSection.description)
            let order: ParserDiagnostic =
                inOrder
                ? .sectionSkips(section: section, last: last)
                : first == lastSection ? .sectionRepeats(section: section) : .sectionGoesBack(section: section, last: last)
            diagnostics.raise(order, at: source.range(p, labelEnd))
        }
        let title = groupTitle
        groupTitle = nil
        flushText(upTo: title?.lowerBound ?? p)
        closeSection()
        if owner == .annex || owner == .signature { return nil }
        let label = Bytes.normalized(b, p, labelEnd)
        var container = Container(
            kind: .section, id: uniqueID(.section(first.description), under: nil, at: p), label: label, number: first.description,
            childStart: nodes.count, start: title?.lowerBound ?? p, end: labelEnd, labelRange: range(p, labelEnd))
        if let title {
            container.title = Bytes.normalized(b, title.lowerBound, title.upperBound)
            container.titleRange = source.range(title.lowerBound, title.upperBound)
        }
        container.isRepealed = repealed
        if last != nil {
            container.number = read.label.number
        }
        section = container
        openImplicitStk(at: labelEnd)
        if last != nil {
            // "§§ 28-30. (Ophævet)": one labelled node for the first, empty ones for the rest, so that every
            // number in the range can be looked up; every letter between lettered ends is a § ("§§ 52 b-52 d.").
            // The empty sections are bounded by the input's size (``RangeBudget``), so that a hostile text of
            // "§§ 1-999." lines cannot make a million nodes: beyond it a range is its two ends.
            pendingRangeSections = rangeBudget.sections(of: read.label).dropFirst().map { ($0, repealed) }
        }
        lastSection = last ?? first
        sawStructure = true
        lastHeadingEnd = -1
        consumedUntil = labelEnd
        return labelEnd
    }

    /// Whether a § whose line follows text that does not end as a sentence usually does opens a provision:
    /// one that continues the numbering, with anything but a citation after it ("… dels i dens historiske
    /// perspektiv ⏎ § 8. Formålet …", "… København V. ⏎ § 7.", "… 0 0 0 left 289 ⏎ § 15."). One that does not
    /// continue it (a jump, or a number that goes back: the quoted §§ of amending acts, the in-force §§ at the end
    /// of a consolidated act) needs its period and a capital, a status, a digit or a "§" after it, and before it a
    /// period (an abbreviation's too: "… regnskabsklasse C. ⏎ § 99 a. Store …"), "…", or a sentence end and one
    /// word of markup residue ("… stk. 1. Align", "… 3. False"); without any of these, a jump of up to five
    /// numbers ("… i de gymnasiale uddannelser ⏎ § 29.").
    func opensAfterUnendedLine(
        _ first: LetteredNumber, hasPeriod: Bool, inOrder: Bool, expected: Bool, at j: Int, before p: Int, lineEnd: Int,
        status: Bool
    ) -> Bool {
        let capitalAfter = j < lineEnd && Bytes.isUpper(b, j)
        if expected {
            return capitalAfter || status || (j < lineEnd && Bytes.isDigit(b[j])) || startsQuote(at: j, lineEnd: lineEnd)
        }
        guard hasPeriod, let lastSection, j < lineEnd else { return false }
        // "… for Grønland med de ændringer, som de grønlandske forhold tilsiger ⏎ § 7. Loven træder i kraft …": the
        // in-force § of an amending act, quoted in a consolidated act's notes, after a line that lost its period.
        if !inOrder && Bytes.matches(b, j, lineEnd, "Loven træder i kraft") { return true }
        let sectionAfter = j + 1 < lineEnd && b[j] == 0xC2 && b[j + 1] == 0xA7
        guard capitalAfter || status || Bytes.isDigit(b[j]) || sectionAfter else { return false }
        let q = previousContent(before: p)
        guard q >= 0 else { return false }
        if b[q] == 0x2E || (q >= 2 && b[q - 2] == 0xE2 && b[q - 1] == 0x80 && b[q] == 0xA6) || endsWithResidue(q) {
            return true
        }
        return inOrder && capitalAfter && first.value - lastSection.value <= 5
    }

    /// Whether the content ending at `q` is one capitalised word after a sentence end ("… forholdets natur.
    /// False", "… stk. 1. Align"): the residue of a document's markup.
    func endsWithResidue(_ q: Int) -> Bool {
        var start = q
        while start > 0, Bytes.isASCIILetter(b[start - 1]), q - start < 20 { start -= 1 }
        guard start < q, b[start] >= 0x41, b[start] <= 0x5A, start > 0, b[start - 1] == 0x20 else { return false }
        let before = previousContent(before: start)
        return before >= 0 && (b[before] == 0x2E || b[before] == 0x29 || b[before] == 0x3B)
    }

    /// A footnote number at `j` ("6) Der henvises …"): up to three digits, ")", a space and a capital.
    func startsFootnote(at j: Int, lineEnd: Int) -> Bool {
        var k = j
        while k < lineEnd, Bytes.isDigit(b[k]), k - j < 3 { k += 1 }
        guard k > j, k + 2 < lineEnd, b[k] == 0x29, b[k + 1] == 0x20 else { return false }
        return Bytes.isUpper(b, k + 2)
    }

    /// The number of a single-§ label read with ``readLetter(at:end:after:lenient:)``'s lenient rule.
    func readLenientNumber(at p: Int, lineEnd: Int) -> (LetteredNumber, Int)? {
        var i = p + 2
        while true {
            let j = Bytes.skipInlineSpace(b, i, lineEnd)
            guard j + 1 < lineEnd, b[j] == 0xC2, b[j + 1] == 0xA7 else { break }
            i = j + 2
        }
        return readNumberWithLetter(at: Bytes.skipInlineSpace(b, i, lineEnd), end: lineEnd, lenient: true)
    }

    /// Whether a quotation opens at `j` ("»", "“", "\"").
    func startsQuote(at j: Int, lineEnd: Int) -> Bool {
        guard j < lineEnd else { return false }
        if b[j] == 0x22 { return true }
        if j + 1 < lineEnd, b[j] == 0xC2, b[j + 1] == 0xBB || b[j + 1] == 0xAB { return true }
        return j + 2 < lineEnd && b[j] == 0xE2 && b[j + 1] == 0x80 && (b[j + 2] == 0x9C || b[j + 2] == 0x9E)
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

    /// Whether `number` is the one expected after the last section.
    func isNextSection(_ number: LetteredNumber) -> Bool {
        guard let last = lastSection else { return true }
        if number.value == last.value + 1 && number.letter.isEmpty { return true }
        if number.value == last.value && !number.letter.isEmpty && number > last { return true }
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
            kind: .subsection, id: ids.sequential(.subsection(1), under: sectionID), number: "1", childStart: nodes.count, start: offset,
            end: offset)
        stk?.lastChild = 0
        owner = .stk
        textStart = offset
        sectionStkCount = 1
    }

    // MARK: Subsections

    /// Reads "Stk. 3." (also "Stk.3.", "Stk. 3") at `p` and opens the subsection. Mid-line it must be the next
    /// stk. with its period; after text that does not end a sentence ("… anden lovgivning Stk. 2. Apportindskud
    /// …") also a capital or a status in parentheses after it.
    mutating func tryStk(at p: Int, lineEnd: Int, midLine: Bool, afterSentence: Bool = true) -> Int? {
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
        if hasQuotations, isRenumberingClause(from: i, lineEnd: lineEnd) { return nil }
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
            if !afterSentence {
                let next = Bytes.skipInlineSpace(b, labelEnd, lineEnd)
                guard next < lineEnd, Bytes.isUpper(b, next) || b[next] == 0x28 else { return nil }
            }
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
