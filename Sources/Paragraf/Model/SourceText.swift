/// The UTF-8 text a document was parsed from, with a line table for offset → line:column (``locations``).
///
/// When the input was not valid UTF-8, `bytes` holds the transcoded text and all ranges refer to it
/// (the parser says so in a diagnostic).
public struct SourceText: Sendable, Hashable {
    /// The UTF-8 bytes every ``SourceRange`` indexes.
    public let bytes: [UInt8]
    /// Offsets of the first byte of each line.
    public let lineStarts: [Int]

    /// Builds the line table for `bytes`. Lines end at `\n`; a `\r` before it stays on the line.
    /// - Complexity: O(n).
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            // The line feeds found by memchr (``Bytes/next(_:in:from:to:)``): a byte loop runs ~5 more
            // instructions a byte, 6.5 % of `parse --format summary` of a 4.6 MB text (callgrind, whole
            // process) and 7.4 % of the parse alone (`paragraf-bench once parse`). Every parse builds the table.
            var index = Bytes.next(0x0A, in: buffer, from: 0, to: buffer.count)
            while index < buffer.count {
                starts.append(index + 1)
                index = Bytes.next(0x0A, in: buffer, from: index + 1, to: buffer.count)
            }
        }
        // The estimate above suits short lines; texts of long lines (a paragraph a line) would keep most of
        // it unused for the document's lifetime.
        if starts.capacity > 2 * starts.count + 64 {
            let exact = starts
            starts = [Int](unsafeUninitializedCapacity: exact.count) { buffer, initialized in
                initialized = buffer.initialize(fromContentsOf: exact)
            }
        }
        self.lineStarts = starts
    }

    /// The position of byte `offset`, clamped to the text.
    public func position(_ offset: Int) -> SourcePosition {
        SourcePosition(offset: max(0, min(offset, bytes.count)))
    }

    /// The range of bytes `[start, end)`, both clamped to the text, the end to no less than the start.
    public func range(_ start: Int, _ end: Int) -> SourceRange {
        let lower = max(0, min(start, bytes.count))
        return SourceRange(start: SourcePosition(offset: lower), end: SourcePosition(offset: max(lower, min(end, bytes.count))))
    }

    /// The converter that gives the line and column of a position in this text.
    public var locations: SourceLocationConverter { SourceLocationConverter(lineStarts: lineStarts, byteCount: bytes.count) }

    /// The text of a range, decoded as UTF-8 (invalid bytes repaired).
    public func string(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// The full text of the line holding `offset`, without its line break.
    public func lineText(containing offset: Int) -> String {
        let line = locations.location(of: offset).line
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return string(start..<end)
    }
}
