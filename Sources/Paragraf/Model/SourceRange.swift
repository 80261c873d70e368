#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A position in a source text: a UTF-8 byte offset with its 1-based line and column.
///
/// `column` counts UTF-8 bytes from the start of the line, as compilers do, so that it can be
/// computed in O(log n) from a line table however long the line is.
///
/// Line and column are stored in 32 bits each (clamped to `Int32`), so that a range takes 32 bytes rather
/// than 48: every node carries one, and the tree's size is what the parser's memory grows with.
public struct SourcePosition: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Zero-based UTF-8 byte offset into the document's source text.
    public var offset: Int
    private var storedLine: Int32
    private var storedColumn: Int32

    /// One-based line number.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    /// One-based column, in UTF-8 bytes.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    /// Creates a position from its offset, line and column.
    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.storedLine = Int32(clamping: line)
        self.storedColumn = Int32(clamping: column)
    }

    private enum CodingKeys: String, CodingKey {
        case offset, line, column
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            offset: try c.decode(Int.self, forKey: .offset), line: try c.decode(Int.self, forKey: .line),
            column: try c.decode(Int.self, forKey: .column))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(offset, forKey: .offset)
        try c.encode(line, forKey: .line)
        try c.encode(column, forKey: .column)
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool { lhs.offset < rhs.offset }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// A half-open range of UTF-8 bytes `[start, end)` in a document's source text.
public struct SourceRange: Codable, Hashable, Sendable, CustomStringConvertible {
    /// First byte of the range.
    public var start: SourcePosition
    /// One past the last byte of the range.
    public var end: SourcePosition

    /// Creates a range from two positions.
    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// The byte offsets as a Swift range.
    public var offsets: Range<Int> { start.offset..<end.offset }
    /// Number of bytes covered.
    public var length: Int { end.offset - start.offset }
    /// Whether the range covers no byte.
    public var isEmpty: Bool { end.offset <= start.offset }

    /// Whether `offset` lies inside the range.
    public func contains(_ offset: Int) -> Bool { offset >= start.offset && offset < end.offset }

    /// `line:col-line:col`.
    public var description: String { "\(start)-\(end)" }
}

/// The UTF-8 text a document was parsed from, with a line table for offset → line:column.
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
            guard let base = buffer.baseAddress else { return }
            // memchr finds the line feeds many bytes per step; the table is built for every parse.
            var index = 0
            while index < buffer.count, let hit = memchr(base + index, 0x0A, buffer.count - index) {
                let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                starts.append(offset + 1)
                index = offset + 1
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

    /// The position of byte `offset` (clamped to the text).
    /// - Complexity: O(log lines).
    public func position(_ offset: Int) -> SourcePosition {
        let offset = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return SourcePosition(offset: offset, line: low + 1, column: offset - lineStarts[low] + 1)
    }

    /// The range of bytes `[start, end)`.
    public func range(_ start: Int, _ end: Int) -> SourceRange {
        range(start, end, startLine: position(start).line - 1)
    }

    /// The range `[start, end)` when the start's 0-based line is known.
    private func range(_ start: Int, _ end: Int, startLine: Int) -> SourceRange {
        let startOffset = max(0, min(start, bytes.count))
        let first = SourcePosition(offset: startOffset, line: startLine + 1, column: startOffset - lineStarts[startLine] + 1)
        // The end is almost always on the start's line or a few lines below: walk there instead of a
        // second binary search (the parser makes a range for every node).
        let endOffset = max(0, min(max(start, end), bytes.count))
        var line = startLine
        for _ in 0..<8 {
            guard line + 1 < lineStarts.count, lineStarts[line + 1] <= endOffset else {
                return SourceRange(
                    start: first, end: SourcePosition(offset: endOffset, line: line + 1, column: endOffset - lineStarts[line] + 1))
            }
            line += 1
        }
        return SourceRange(start: first, end: position(endOffset))
    }

    /// The range of bytes `[start, end)`, looking for the start's line from `line` (0-based) on.
    ///
    /// The parser makes its ranges in document order: walking a few lines forward from the last one
    /// costs less than a binary search per range. `line` moves forward to the start's line, never back.
    func range(_ start: Int, _ end: Int, fromLine line: inout Int) -> SourceRange {
        let offset = max(0, min(start, bytes.count))
        if line < 0 || line >= lineStarts.count {
            line = position(offset).line - 1
        } else if lineStarts[line] > offset {
            // Behind the cursor (a container's start when it closes): leave the cursor where it is.
            return range(start, end)
        } else {
            var steps = 0
            while line + 1 < lineStarts.count, lineStarts[line + 1] <= offset {
                line += 1
                steps += 1
                if steps == 16 {
                    line = position(offset).line - 1
                    break
                }
            }
        }
        return range(start, end, startLine: line)
    }

    /// The text of a range, decoded as UTF-8 (invalid bytes repaired).
    public func string(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// The full text of the line holding `offset`, without its line break.
    public func lineText(containing offset: Int) -> String {
        let line = position(offset).line
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return string(start..<end)
    }
}
