#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// Creates a range of byte offsets.
    public init(_ offsets: Range<Int>) {
        self.init(start: SourcePosition(offset: offsets.lowerBound), end: SourcePosition(offset: offsets.upperBound))
    }

    /// The byte offsets as a Swift range.
    public var offsets: Range<Int> { start.offset..<end.offset }
    /// Number of bytes covered.
    public var length: Int { end.offset - start.offset }
    /// Whether the range covers no byte.
    public var isEmpty: Bool { end.offset <= start.offset }

    /// Whether `offset` lies inside the range.
    public func contains(_ offset: Int) -> Bool { offset >= start.offset && offset < end.offset }

    /// `start..<end` in byte offsets.
    public var description: String { "\(start.offset)..<\(end.offset)" }
}
