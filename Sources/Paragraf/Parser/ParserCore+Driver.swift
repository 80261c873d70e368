import Foundation

/// The driver: the line loop that tries the line-start markers and looks for headings mid-line, and the
/// context tests (what the text before a marker ends with) that the readers share.
extension ParserCore {
    // MARK: Driver

    /// Reads the whole input, line by line, and assembles the document.
    mutating func run(sourceName: String, encoding: SourceEncoding) -> Document {
        checkInput()
        hasQuotations = holdsQuotation()
        let lines = source.lineStarts
        for lineIndex in 0..<lines.count {
            let lineStart = lines[lineIndex]
            var lineEnd = lineIndex + 1 < lines.count ? lines[lineIndex + 1] - 1 : n
            if lineEnd < lineStart { lineEnd = lineStart }
            if lineEnd <= consumedUntil { continue }
            let from = max(lineStart, consumedUntil)
            let cs = Bytes.skipInlineSpace(b, from, lineEnd)
            if cs >= lineEnd { continue }
            // Quoted text (an amending act's »§ 53 a. … Stk. 2. …«) is no structure of this document.
            if hasQuotations, isQuotedLine(at: cs, lineEnd: lineEnd) { continue }
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
        ids.removeAll()
        if !sawStructure && n > 0 && !isOnlySpace(0, n) {
            diagnostics.raise(.noStructure, at: source.range(0, min(n, 1)))
        }
        let topChildren = nodes.popArray(from: 0)
        let rootEnd = topChildren.last?.range.end.offset ?? 0
        let root = Node(
            kind: .document, id: .document, range: source.range(0, max(rootEnd, n)), children: topChildren)
        let metadata = metadata(of: root)
        return Document(
            sourceName: sourceName, encoding: encoding, sourceLength: n, metadata: metadata, root: root,
            diagnostics: diagnostics.finish())
    }

    /// Diagnostics about the input as a whole: empty (P003), CRLF (P013), control bytes (P009).
    mutating func checkInput() {
        if n == 0 || isOnlySpace(0, n) {
            diagnostics.raise(.empty, at: source.range(0, 0))
            return
        }
        if n >= 2 && b[n - 2] == 0x0D && b[n - 1] == 0x0A
            || (source.lineStarts.count > 1 && source.lineStarts[1] >= 2 && b[source.lineStarts[1] - 2] == 0x0D)
        {
            diagnostics.raise(.crlf, at: source.range(0, 0))
        }
        let (controls, first) = inputControls
        if controls > 0 {
            diagnostics.raise(.controlBytes(count: controls), at: source.range(first, first + 1))
        }
    }

    /// Whether `[start, end)` holds only whitespace.
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

    // MARK: Mid-line markers and context

    /// Looks for headings that follow a sentence end on the same line (flattened texts).
    mutating func scanMidLine(from start: Int, lineEnd: Int) {
        guard sawStructure, owner != .annex, owner != .signature else { return }
        var i = start + 1
        // The next "§" lead byte and the next "S" (memchr, many bytes per step), found again once passed;
        // a candidate needs a byte after it, so the search stops one byte before the line end.
        let searchEnd = lineEnd - 1
        var nextSection = -1
        var nextS = -1
        var quoted = 0  // inside »…« on this line: no headings
        while i < searchEnd {
            if nextSection < i { nextSection = Bytes.next(0xC2, in: b, from: i, to: searchEnd) }
            if nextS < i { nextS = Bytes.next(0x53, in: b, from: i, to: searchEnd) }
            i = min(nextSection, nextS)
            if i >= searchEnd { break }
            let c = b[i]
            if hasQuotations, c == 0xC2, b[i + 1] == 0xBB || b[i + 1] == 0xAB {
                quoted = b[i + 1] == 0xBB ? quoted + 1 : max(0, quoted - 1)
                i += 2
                continue
            }
            if quoted > 0 {
                i += 1
                continue
            }
            if c == 0xC2 && b[i + 1] == 0xA7 {
                if i >= consumedUntil, endsSentence(before: i), !followsOpeningQuote(before: i),
                    let r = trySection(at: i, lineEnd: lineEnd, context: .midLine)
                {
                    i = r
                    continue
                }
                i += 2
                continue
            }
            if c == 0x53 && i >= consumedUntil && Bytes.matches(b, i, lineEnd, "Stk") {
                let ended = endsSentence(before: i) || endsWithPeriod(before: i)
                if ended || !(followsCitationLead(before: i) || followsOpeningQuote(before: i)),
                    let r = tryStk(at: i, lineEnd: lineEnd, midLine: true, afterSentence: ended)
                {
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

    /// Whether the text before `p` ends in a period that closes a sentence although it ends an abbreviation or a
    /// capital ("… København V. Stk. 2.", "… i Kategori A. Stk. 3.", "… m.v. Stk. 2."), not a citation's ("jf.",
    /// "nr.", "stk."). Enough before the next stk. ("Stk. N." with the number that follows), not before a §.
    func endsWithPeriod(before p: Int) -> Bool {
        let q = previousContent(before: p)
        return q >= 0 && b[q] == 0x2E && !followsCitationLead(before: p)
    }

    /// Whether an opening quotation mark ("»", "“", "\"") stands right before `p`: quoted text (an amending act's
    /// »Stk. 2. …«) whose markers are not the act's own.
    func followsOpeningQuote(before p: Int) -> Bool {
        let q = previousContent(before: p)
        guard q >= 0 else { return false }
        if b[q] == 0x22 { return true }
        if q >= 1 && b[q - 1] == 0xC2 && b[q] == 0xBB { return true }
        return q >= 2 && b[q - 2] == 0xE2 && b[q - 1] == 0x80 && b[q] == 0x9C
    }

    /// Whether the text before `p` ends a sentence (". ", ": ", ") ") and not with a citation word.
    func endsSentence(before p: Int) -> Bool {
        let q = previousContent(before: p)
        if q < 0 { return true }
        if q < lastHeadingEnd && lastHeadingEnd <= p { return true }
        switch b[q] {
        case 0x2E:  // .
            return !SentenceSplitter.isCitationAbbreviation(b.span, dotAt: q)
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
}
