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
