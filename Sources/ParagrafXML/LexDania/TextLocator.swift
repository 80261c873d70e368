import Paragraf

/// Finds where a piece of element text lies in the raw XML bytes, moving forward only.
///
/// libxml2 reports the line an element starts on, not byte offsets, so a text's range is found by
/// searching forward from that line for the first bytes of the (decoded) text. The range is the raw
/// text run up to the next `<`. When the text holds characters that XML escapes (`&`, `<`), only the part
/// before them is searched for; when nothing matches, callers fall back to the element's line.
struct TextLocator {
    let source: SourceText
    var cursor = 0

    init(source: SourceText) { self.source = source }

    /// Byte range of line `line` (1-based), without its line break.
    func lineRange(_ line: Int) -> Range<Int> {
        let starts = source.lineStarts
        let l = max(1, min(line, starts.count))
        let start = starts[l - 1]
        let end = l < starts.count ? starts[l] - 1 : source.bytes.count
        return start..<max(start, end)
    }

    /// The raw range of `text`, which starts at or after line `line`; advances the cursor past it.
    mutating func locate(_ text: String, line: Int) -> Range<Int>? {
        let bytes = source.bytes
        var needle: [UInt8] = []
        var leading = true
        for c in text.utf8 {
            if leading && (c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D) { continue }
            leading = false
            if c == 0x26 || c == 0x3C || c == 0x3E || c == 0x22 || c == 0x27 || c == 0x0A || c == 0x0D { break }
            needle.append(c)
            if needle.count >= 48 { break }
        }
        guard !needle.isEmpty else { return nil }
        let from = max(cursor, line > 0 ? lineRange(line).lowerBound : cursor)
        let limit = min(bytes.count, from + 1 << 16)
        guard limit - from >= needle.count else { return nil }
        // Through the buffer, as the parser's ``Bytes`` helpers read text (their measured reason is there).
        let found: Int? = bytes.withUnsafeBufferPointer { b in
            let first = needle[0]
            var i = from
            while i + needle.count <= limit {
                if b[i] == first {
                    var k = 1
                    while k < needle.count && b[i + k] == needle[k] { k += 1 }
                    if k == needle.count { return i }
                }
                i += 1
            }
            return nil
        }
        guard let start = found else { return nil }
        var end = start + needle.count
        while end < bytes.count && bytes[end] != 0x3C { end += 1 }
        while end > start + needle.count, [0x20, 0x0A, 0x09, 0x0D].contains(bytes[end - 1]) { end -= 1 }
        cursor = end
        return start..<end
    }
}
