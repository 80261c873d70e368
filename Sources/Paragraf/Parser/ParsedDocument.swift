/// The result of parsing: the document and the UTF-8 source text its ranges index.
public struct ParsedDocument: Sendable {
    /// The parsed document.
    public var document: Document
    /// The source text (UTF-8; transcoded when the input was not).
    public var source: SourceText

    /// Creates a parsed document.
    public init(document: Document, source: SourceText) {
        self.document = document
        self.source = source
    }
}
