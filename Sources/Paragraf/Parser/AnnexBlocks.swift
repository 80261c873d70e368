/// Splits annex prose into text blocks: a line break after a sentence end, or before a bullet,
/// ends a block; other line breaks (the wrapping of the raw texts) do not.
enum AnnexBlocks {
    static func split(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var s = Bytes.skipSpace(b, start, end)
        var i = s
        while i < end {
            // Only line breaks matter: memchr to the next one.
            i = Bytes.next(0x0A, in: b, from: i, to: end)
            guard i < end else { break }
            if b[i] == 0x0A {
                let contentEnd = Bytes.trimEnd(b, s, i)
                let next = Bytes.skipSpace(b, i, end)
                var breakHere = false
                if contentEnd > s {
                    let last = b[contentEnd - 1]
                    breakHere =
                        last == 0x3A || last == 0x3B || last == 0x3F || last == 0x21
                        || (last == 0x2E && !SentenceSplitter.isCitationAbbreviation(b.span, dotAt: contentEnd - 1))
                    // A sentence end followed by lower-case text is wrapping, not a new block.
                    if breakHere, next < end, Bytes.isLower(b, next) { breakHere = false }
                    if next < end {
                        let c = b[next]
                        if c == 0x2D || c == 0x2A || c == 0x23
                            || (c == 0xE2 && next + 2 < end && b[next + 1] == 0x80
                                && (b[next + 2] == 0x91 || b[next + 2] == 0x93 || b[next + 2] == 0xA2))
                        {
                            breakHere = true
                        }
                    }
                }
                if breakHere {
                    result.append(s..<contentEnd)
                    s = next
                    i = next
                    continue
                }
            }
            i += 1
        }
        let tail = Bytes.trimEnd(b, s, end)
        if tail > s { result.append(s..<tail) }
        return result
    }
}
