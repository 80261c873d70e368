/// A parsed regulation: metadata, the tree, diagnostics and the source it came from.
public struct Document: Codable, Hashable, Sendable {
    /// The version of the JSON schema this type encodes to.
    public static let schemaVersion = 1

    /// A name for the source (file path or "-").
    public var sourceName: String
    /// How the input bytes were decoded.
    public var encoding: SourceEncoding
    /// Number of bytes of the (UTF-8) source text.
    public var sourceLength: Int
    /// What the document says about itself.
    public var metadata: Metadata
    /// The tree; its kind is ``NodeKind/document``.
    public var root: Node
    /// Everything the parser noticed, in source order.
    public var diagnostics: [Diagnostic]
    /// The parts the source does not hold (nil or empty: a complete source). A document with absent parts is
    /// *partial*: its tree has no nodes for them, and that says nothing about the regulation itself.
    public var absentParts: [DocumentPart]? = nil

    /// Whether the source leaves parts of the regulation out (see ``absentParts``).
    public var isPartial: Bool { !(absentParts ?? []).isEmpty }

    /// Whether the source leaves `part` out.
    public func lacks(_ part: DocumentPart) -> Bool { absentParts?.contains(part) ?? false }

    /// Creates a document.
    public init(
        sourceName: String, encoding: SourceEncoding, sourceLength: Int, metadata: Metadata, root: Node,
        diagnostics: [Diagnostic]
    ) {
        self.sourceName = sourceName
        self.encoding = encoding
        self.sourceLength = sourceLength
        self.metadata = metadata
        self.root = root
        self.diagnostics = diagnostics
    }

    /// The chapters in order (inside parts too).
    public var chapters: [Node] { root.all(.chapter) }
    /// The sections in order.
    public var sections: [Node] { root.all(.section) }
    /// The annexes in order.
    public var annexes: [Node] { root.all(.annex) }
}
