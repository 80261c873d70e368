/// Quoted text: an amending act quotes the provisions it inserts (»§ 53 a. … Stk. 2. …«, »Stk. 3. …«), and
/// those are provisions of the act it amends, not of the text being parsed. A quotation that opens at the
/// start of a line makes its lines, up to the matching "«" (quotations nest), plain text of the container
/// that is open; one that opens mid-line hides the headings up to its "«" on that line only (the mid-line scan
/// counts the marks). The text around stays as it was; inputs without "»" are read exactly as before.
extension ParserCore {
    /// Whether the input holds a "»".
    func holdsQuotation() -> Bool {
        var i = 0
        while i < n - 1 {
            i = Bytes.next(0xC2, in: b, from: i, to: n - 1)
            if i < n - 1, b[i + 1] == 0xBB { return true }
            i += 1
        }
        return false
    }

    /// Whether the line from `p` is quoted text: it continues a block quotation or opens one. Keeps
    /// ``blockQuoteDepth`` for the next line.
    ///
    /// A block quotation left open does not swallow the rest of the input: it ends before a line that can
    /// only be the amending act's own next instruction or § ("2. I § 66 indsættes …", "§ 2" alone).
    mutating func isQuotedLine(at p: Int, lineEnd: Int) -> Bool {
        if blockQuoteDepth > 0 {
            if endsRunawayQuotation(at: p, lineEnd: lineEnd) {
                blockQuoteDepth = 0
                return false
            }
            blockQuoteDepth = quoteDepth(from: p, to: lineEnd, startingAt: blockQuoteDepth)
            return true
        }
        guard p + 1 < lineEnd, b[p] == 0xC2, b[p + 1] == 0xBB else { return false }
        blockQuoteDepth = quoteDepth(from: p, to: lineEnd, startingAt: 0)
        return true
    }

    /// The nesting after `[from, to)`, starting at `depth`.
    func quoteDepth(from: Int, to: Int, startingAt depth: Int) -> Int {
        var depth = depth
        var i = from
        while i < to - 1 {
            i = Bytes.next(0xC2, in: b, from: i, to: to - 1)
            guard i < to - 1 else { break }
            if b[i + 1] == 0xBB { depth += 1 } else if b[i + 1] == 0xAB { depth = max(0, depth - 1) }
            i += 1
        }
        return depth
    }

    /// "§ 2" alone on a line (an amending act's § heading), or "2. " with an instruction verb in the line.
    func endsRunawayQuotation(at p: Int, lineEnd: Int) -> Bool {
        var i = p
        if i + 1 < lineEnd, b[i] == 0xC2, b[i + 1] == 0xA7 {
            i = Bytes.skipInlineSpace(b, i + 2, lineEnd)
            let digits = i
            while i < lineEnd, Bytes.isDigit(b[i]) { i += 1 }
            return i > digits && Bytes.skipSpace(b, i, lineEnd) >= lineEnd
        }
        while i < lineEnd, Bytes.isDigit(b[i]) { i += 1 }
        guard i > p, i + 1 < lineEnd, b[i] == 0x2E, b[i + 1] == 0x20 else { return false }
        let line = String(decoding: b[i..<min(lineEnd, i + 600)], as: UTF8.self)
        return (Self.quotingVerbs + ["ophæves", "bliver herefter"]).contains { line.contains($0) }
    }

    /// Whether the text before `p` ends in the colon of an amending instruction on the same line ("Efter § 17
    /// indsættes i kapitel 5: § 17 a. …", "nr. 4 affattes således: …"): what follows is the provision the
    /// instruction quotes, even where the quotation marks are lost (flattened texts), not a heading of this act.
    func followsInstructionColon(before p: Int) -> Bool {
        let q = previousContent(before: p)
        guard q >= 0, b[q] == 0x3A else { return false }
        var from = q
        while from > 0, q - from < 240, b[from - 1] != 0x0A { from -= 1 }
        let instruction = String(decoding: b[from..<q], as: UTF8.self)
        return (Self.quotingVerbs + ["som nyt", "som ny "]).contains { instruction.contains($0) }
    }

    /// The verbs of an amending instruction that quote new text ("indsættes: »…«", "affattes således: »…«").
    static let quotingVerbs = ["indsættes", "affattes", "ændres", "udgår"]

    /// Whether the text after a stk. number continues "-6 bliver herefter …" or " og 7 bliver herefter …": an
    /// amending act's renumbering of the quoted act's stk. ("Stk. 3-6 bliver herefter stk. 4-7."), not a
    /// heading of its own. Looked for only in texts that quote (``hasQuotations``).
    func isRenumberingClause(from i: Int, lineEnd: Int) -> Bool {
        var j = i
        let limit = min(lineEnd, i + 24)
        while j < limit, Bytes.isDigit(b[j]) || b[j] == 0x20 || b[j] == 0x2D || b[j] == 0x2C || b[j] == 0x6F || b[j] == 0x67 { j += 1 }
        return Bytes.matches(b, j, lineEnd, "bliver herefter")
    }
}
