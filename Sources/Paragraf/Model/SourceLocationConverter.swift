/// Turns byte offsets into 1-based line and column, from a text's line table.
///
/// Positions are stored as byte offsets (``SourcePosition``); line and column are computed when something
/// prints them: a diagnostic (`file:line:col`), a JSON position, a report. `column` counts UTF-8 bytes from
/// the start of the line, as compilers do, so that it takes O(log lines) however long the line is.
///
/// ```swift
/// let locations = parsed.source.locations
/// locations.location(of: node.range.start)            // 1013:1
/// let encoder = JSONEncoder()
/// encoder.userInfo[.sourceLocations] = locations       // positions in JSON carry line and column
/// ```
public struct SourceLocationConverter: Sendable {
    /// Offsets of the first byte of each line.
    private let lineStarts: [Int]
    /// The length of the text in bytes.
    private let byteCount: Int

    /// A converter over a line table (``SourceText/lineStarts``) of a text of `byteCount` bytes.
    public init(lineStarts: [Int], byteCount: Int) {
        self.lineStarts = lineStarts.isEmpty ? [0] : lineStarts
        self.byteCount = byteCount
    }

    /// A converter for `source`.
    public init(_ source: SourceText) {
        self.init(lineStarts: source.lineStarts, byteCount: source.bytes.count)
    }

    /// The 0-based line holding `offset` (clamped to the text).
    /// - Complexity: O(log lines).
    public func lineIndex(of offset: Int) -> Int {
        let offset = max(0, min(offset, byteCount))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The location of byte `offset` (clamped to the text).
    /// - Complexity: O(log lines).
    public func location(of offset: Int) -> LocatedPosition {
        let offset = max(0, min(offset, byteCount))
        let line = lineIndex(of: offset)
        return LocatedPosition(offset: offset, line: line + 1, column: offset - lineStarts[line] + 1)
    }

    /// The location of `position`.
    public func location(of position: SourcePosition) -> LocatedPosition { location(of: position.offset) }

    /// The location of byte `offset` (clamped to the text), as ``location(of:)-(Int)`` gives it, its line looked
    /// for first at line index `hint` and the one after it, then searched; `hint` is left at the line found.
    ///
    /// A writer that prints positions mostly in text order (the JSON encoder) keeps one hint and finds most
    /// lines in one or two comparisons instead of a search over every line.
    package func location(of offset: Int, lineHint hint: inout Int) -> LocatedPosition {
        let offset = max(0, min(offset, byteCount))
        let line: Int
        if holds(hint, offset) {
            line = hint
        } else if holds(hint + 1, offset) {
            line = hint + 1
        } else {
            line = lineIndex(of: offset)
        }
        hint = line
        return LocatedPosition(offset: offset, line: line + 1, column: offset - lineStarts[line] + 1)
    }

    /// Whether line index `line` exists and holds `offset` (already clamped), as ``lineIndex(of:)`` finds it:
    /// the last line starting at or before `offset`.
    private func holds(_ line: Int, _ offset: Int) -> Bool {
        guard line >= 0, line < lineStarts.count, lineStarts[line] <= offset else { return false }
        return line + 1 == lineStarts.count || lineStarts[line + 1] > offset
    }

    /// The locations of the ends of `range`.
    public func location(of range: SourceRange) -> LocatedRange {
        LocatedRange(start: location(of: range.start.offset), end: location(of: range.end.offset))
    }

    /// The byte offset of 1-based `line` and `column` (column in bytes), clamped to the text and the line.
    public func offset(line: Int, column: Int) -> Int {
        let index = max(1, min(line, lineStarts.count)) - 1
        let start = lineStarts[index]
        let lineEnd = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : byteCount
        return max(start, min(start + max(column, 1) - 1, lineEnd))
    }
}

extension CodingUserInfoKey {
    /// The ``SourceLocationConverter`` with which a ``SourcePosition`` is written to JSON (with its line and
    /// column).
    public static let sourceLocations = CodingUserInfoKey(rawValue: "paragraf.sourceLocations")!
}
