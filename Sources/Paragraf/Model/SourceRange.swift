#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A position in a source text: a UTF-8 byte offset.
///
/// Positions are offsets only; a ``SourceLocationConverter`` (``SourceText/locations``) gives the 1-based
/// line and column on demand, as swift-syntax's `SourceLocationConverter` does. Every node carries three
/// ranges, so a position is 8 bytes, not the 16 it took with its line and column.
///
/// In JSON a position is written with its line and column (`{"column": 1, "line": 12, "offset": 345}`): the
/// encoder's `userInfo[.sourceLocations]` must hold the converter of the position's text.
public struct SourcePosition: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Zero-based UTF-8 byte offset into the document's source text.
    public var offset: Int

    /// Creates a position.
    public init(offset: Int) {
        self.offset = offset
    }

    private enum CodingKeys: String, CodingKey {
        case offset
    }

    /// Reads the offset (line and column, when present, are derived data and not read).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(offset: try c.decode(Int.self, forKey: .offset))
    }

    /// Writes the offset with its line and column, from the converter in `userInfo[.sourceLocations]`.
    public func encode(to encoder: any Encoder) throws {
        guard let converter = encoder.userInfo[.sourceLocations] as? SourceLocationConverter else {
            throw EncodingError.invalidValue(
                self,
                .init(
                    codingPath: encoder.codingPath,
                    debugDescription:
                        "a source position is written with its line and column: set the encoder's userInfo[.sourceLocations] to the text's SourceLocationConverter"
                ))
        }
        try converter.location(of: offset).encode(to: encoder)
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool { lhs.offset < rhs.offset }

    /// `@offset`.
    public var description: String { "@\(offset)" }
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
        // A byte loop: memchr over an unsafe buffer saved ~5 instructions a byte, 4.5 % of `parse --format
        // summary` of a 528 KB text (callgrind, whole process), under the 5 % that keeps a pointer (issue 13).
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
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
