import Paragraf

/// What `paragraf show [--work W] (VERSION | --at DATE) CITATION --db FILE --format json` prints, and `GET
/// /api/works/{work}/{version}/{node id}` (or `…/at/{date}/…`): a provision at a version with its place and text.
///
/// Its node's positions are written with line and column: encode it with `userInfo[.sourceLocations]` set to
/// ``locations``.
public struct ShownProvision: Encodable, Sendable {
    /// The JSON schema version.
    public var schemaVersion = 1
    /// The version's short name ("1077/2020", "2003").
    public var version: String
    /// The work's id.
    public var work: String
    /// "BEK 1077/2020".
    public var label: String
    /// The first day the version applied.
    public var validFrom: LegalDate?
    /// The first day it no longer applied.
    public var validTo: LegalDate?
    /// The document read.
    public var document: DocumentSummary
    /// The address in citation form ("§ 17, stk. 3").
    public var citation: String
    /// Its place ("Kapitel 5 Amtsspecialtandpleje › § 17 › Stk. 3").
    public var place: String
    /// The node and its subtree.
    public var node: Node
    /// The text as `paragraf show` prints it.
    public var text: String
    /// The converter the node's positions need in JSON (not encoded).
    public var locations: SourceLocationConverter

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, version, work, label, validFrom, validTo, document, citation, place, node, text
    }

    /// `provision` as shown.
    public init(_ provision: StoredProvision) {
        let version = provision.version
        self.version = version.name
        work = version.work
        label = version.label
        validFrom = version.validFrom
        validTo = version.validTo
        document = provision.document
        citation = provision.citation
        place = provision.place
        node = provision.node
        text = provision.text
        locations = provision.locations
    }
}
