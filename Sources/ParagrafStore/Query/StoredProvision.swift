import Foundation
import GRDB
import Paragraf

/// One provision at a version: where it is and its text.
public struct StoredProvision: Codable, Sendable {
    /// The JSON schema version.
    public var schemaVersion = 1
    /// The version it is in.
    public var version: StoredVersion
    /// The document it was read from.
    public var document: DocumentSummary
    /// The address asked for, in citation form ("§ 17, stk. 3").
    public var citation: String
    /// Its place: "Kapitel 5 Amtsspecialtandpleje › § 17 › Stk. 3".
    public var place: String
    /// The node and its subtree.
    public var node: Node
    /// The text as `paragraf show` prints it.
    public var text: String
    /// Line and column of the node's offsets: give it to a JSON encoder as `userInfo[.sourceLocations]`.
    public var locations: SourceLocationConverter

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, version, document, citation, place, node, text
    }

    /// A provision read back from JSON: its positions have offsets only.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        version = try c.decode(StoredVersion.self, forKey: .version)
        document = try c.decode(DocumentSummary.self, forKey: .document)
        citation = try c.decode(String.self, forKey: .citation)
        place = try c.decode(String.self, forKey: .place)
        node = try c.decode(Node.self, forKey: .node)
        text = try c.decode(String.self, forKey: .text)
        locations = SourceLocationConverter(lineStarts: [0], byteCount: node.range.end.offset)
    }

    /// A provision found in the store.
    public init(
        version: StoredVersion, document: DocumentSummary, citation: String, place: String, node: Node, text: String,
        locations: SourceLocationConverter
    ) {
        self.version = version
        self.document = document
        self.citation = citation
        self.place = place
        self.node = node
        self.text = text
        self.locations = locations
    }
}
