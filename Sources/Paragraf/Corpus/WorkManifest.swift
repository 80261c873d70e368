/// The manifest of one work in the corpus: its title, its versions in order and the orders that amended them.
///
/// Stored as `corpus/<work>/manifest.json`; see the README for the schema. Schema 1 (one `repeals` object, no
/// `kind`) still reads.
public struct WorkManifest: Codable, Hashable, Sendable {
    /// The manifest schema version (2; 1 still reads).
    public var schemaVersion: Int
    /// Short id of the work ("tandpleje").
    public var id: String
    /// The work's title ("Bekendtgørelse om tandpleje").
    public var title: String
    /// The versions, ordered by signing date.
    public var versions: [VersionManifest]
    /// Orders that amended a version in place (ændringsbekendtgørelser), when the manifest lists any.
    public var amendingOrders: [AmendingOrderManifest]?
}
