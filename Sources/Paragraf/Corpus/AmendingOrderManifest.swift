/// An order that amended a version in place (an ændringsbekendtgørelse). The corpus keeps its record; the
/// dataset holds at most fragments of its text, so the versions it amended are shown as issued.
public struct AmendingOrderManifest: Codable, Hashable, Sendable {
    /// "2012-1344".
    public var id: String
    /// Always ``VersionKind/amendingOrder``.
    public var kind: VersionKind
    /// "BEK".
    public var documentType: String
    /// "1344".
    public var number: String
    /// Date of signing.
    public var signed: LegalDate
    /// The version it amended.
    public var amends: RepealedInstrument
    /// The ELI.
    public var eli: String?
    /// Retsinformation's accession number.
    public var accessionNumber: String?
    /// The dataset record.
    public var record: SourceFile?

    /// "BEK nr. 1344 af 18. december 2012".
    public var citation: String { "\(documentType) nr. \(number) af \(signed.danish)" }
}
