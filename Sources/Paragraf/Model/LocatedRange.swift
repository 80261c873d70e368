/// A range of bytes with the lines and columns of its ends; in JSON it reads as a ``SourceRange`` does.
public struct LocatedRange: Codable, Hashable, Sendable, CustomStringConvertible {
    /// First byte of the range.
    public var start: LocatedPosition
    /// One past the last byte of the range.
    public var end: LocatedPosition

    /// Creates a range from two locations.
    public init(start: LocatedPosition, end: LocatedPosition) {
        self.start = start
        self.end = end
    }

    /// The byte offsets.
    public var range: SourceRange { SourceRange(start: start.position, end: end.position) }
    /// The byte offsets as a Swift range.
    public var offsets: Range<Int> { start.offset..<end.offset }
    /// Number of bytes covered.
    public var length: Int { end.offset - start.offset }

    /// `line:col-line:col`.
    public var description: String { "\(start)-\(end)" }
}
