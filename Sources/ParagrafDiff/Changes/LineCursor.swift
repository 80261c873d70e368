import Paragraf

/// ``SourceLocationConverter/location(of:)`` for ranges asked mostly in reading order: the line of the last
/// range is kept, and a range on the same line or a few lines further is found by walking there instead of
/// a binary search over the whole line table.
struct LineCursor {
    private let lineStarts: [Int]
    private let byteCount: Int
    /// The 0-based line of the last position found.
    private var line = 0

    init(_ source: SourceText) {
        lineStarts = source.lineStarts
        byteCount = source.bytes.count
    }

    /// The range of bytes `[start, end)` (both clamped to the text, the end to no less than the start).
    mutating func range(_ start: Int, _ end: Int) -> LocatedRange {
        let startOffset = max(0, min(start, byteCount))
        let endOffset = max(0, min(max(start, end), byteCount))
        let first = position(startOffset)
        return LocatedRange(start: first, end: position(endOffset))
    }

    /// The position of `offset` (within the text): its line is the last whose start is at or before it.
    private mutating func position(_ offset: Int) -> LocatedPosition {
        var low: Int
        var high: Int
        if lineStarts[line] <= offset {
            // Forward: a few lines by walking, then by strides that double (offsets asked in order are
            // near one another), then by halving the last stride.
            var steps = 0
            while line + 1 < lineStarts.count, lineStarts[line + 1] <= offset, steps < 8 {
                line += 1
                steps += 1
            }
            if steps < 8 || line + 1 == lineStarts.count || lineStarts[line + 1] > offset {
                return LocatedPosition(offset: offset, line: line + 1, column: offset - lineStarts[line] + 1)
            }
            low = line
            var stride = 1
            while low + stride < lineStarts.count, lineStarts[low + stride] <= offset {
                low += stride
                stride *= 2
            }
            high = min(low + stride, lineStarts.count) - 1
        } else {
            low = 0
            high = line - 1
        }
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        line = low
        return LocatedPosition(offset: offset, line: low + 1, column: offset - lineStarts[low] + 1)
    }
}

/// A ``LineCursor`` shared by the copies of what holds it (a reference: the cursor moves on whichever copy
/// asks), so that a value type or a class reading ranges keeps one place in the line table.
final class SharedLineCursor {
    private var cursor: LineCursor
    init(_ source: SourceText) { cursor = LineCursor(source) }

    /// The range of bytes `[start, end)` (``LineCursor/range(_:_:)``).
    func range(_ start: Int, _ end: Int) -> LocatedRange { cursor.range(start, end) }
}
