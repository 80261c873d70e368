/// A position with its line and column: what a reader is shown.
public struct LocatedPosition: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Zero-based UTF-8 byte offset.
    public var offset: Int
    /// One-based line number.
    public var line: Int
    /// One-based column, in UTF-8 bytes.
    public var column: Int

    /// Creates a location.
    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// The position (offset) of the location.
    public var position: SourcePosition { SourcePosition(offset: offset) }

    public static func < (lhs: LocatedPosition, rhs: LocatedPosition) -> Bool { lhs.offset < rhs.offset }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}
