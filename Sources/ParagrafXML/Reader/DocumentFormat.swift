import Paragraf

/// The formats ``DocumentReader`` tells apart.
public enum DocumentFormat: String, Sendable, Hashable, CaseIterable {
    /// Retsinformation's LexDania XML (`<Dokument>` with `Meta`/`DokumentIndhold`).
    case lexDania
    /// An HTML page (or other markup that is not LexDania).
    case html
    /// Plain text, for ``RegulationParser``.
    case text
    /// A document of the Retsinformation dataset (JSON with `provisions`), for ``DatasetReader``.
    case dataset
}
