import Foundation
import GRDB
import Paragraf

/// A document read back from the database: its summary and its tree, with metadata and diagnostics, ranges
/// indexing the source it was imported from.
public struct StoredDocument: Sendable {
    /// The summary.
    public var summary: DocumentSummary
    /// The document as parsed (tree, metadata, diagnostics).
    public var document: Document
    /// Line and column of the document's offsets (the source's line table, stored with it): give it to a JSON
    /// encoder as `userInfo[.sourceLocations]`.
    public var locations: SourceLocationConverter
}

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

extension ParagrafStore {
    /// Document `id` with its tree.
    public func document(_ id: Int64) throws(StoreError) -> StoredDocument {
        let summary = try documentSummary(id)
        let (rows, metadata, diagnostics, lines) = try read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT metadata, diagnostics, lines, source, bytes FROM documents WHERE id = ?", arguments: [id])
            let metadata: Data = row?[0] ?? Data()
            let diagnostics: Data? = row?[1]
            let lines: Data = row?[2] ?? Data()
            return (try StoredNodes.rows(db, document: id), metadata, diagnostics, lines)
        }
        let decoder = JSONDecoder()
        let table = LineTable(blob: [UInt8](lines))
        let root =
            rows.isEmpty
            ? Node(kind: .document, id: "document", range: table.range(0..<0)) : NodeRows.tree(rows, root: 0, lines: table)
        var document = Document(
            sourceName: summary.source, encoding: .utf8, sourceLength: root.range.end.offset,
            metadata: (try? decoder.decode(Metadata.self, from: metadata)) ?? Metadata(title: summary.title),
            root: root, diagnostics: diagnostics.flatMap { try? decoder.decode([Diagnostic].self, from: $0) } ?? [])
        if summary.isPartial, document.absentParts == nil {
            document.absentParts = [.title, .preamble, .chapterTitles, .annexes, .signature]
        }
        return StoredDocument(summary: summary, document: document, locations: table.locations(byteCount: root.range.end.offset))
    }

    /// The provision at `address` in `version`; an error naming what exists when there is none, or saying that
    /// the version's text is not in the corpus.
    public func provision(_ address: Address, in version: StoredVersion) throws(StoreError) -> StoredProvision {
        guard let id = version.document, version.hasText else {
            throw .notFound(
                "\(version.label) (\(version.work)) is known, but its text is not in the corpus"
                    + (version.validFrom.map { "; it applied from \($0)" } ?? "") + (version.validTo.map { " to \($0)" } ?? ""))
        }
        let stored = try document(id)
        let index = stored.document.nodeTable()
        switch index.lookup(address) {
        case .failure(let error):
            var message = "\(version.label): \(error.description)"
            if stored.document.isPartial, address.special != nil || address.annex != nil || address.chapter != nil {
                message +=
                    " (this version's source, \(stored.summary.format), has no title, preamble, chapter titles, annexes or signature)"
            }
            throw .notFound(message)
        case .success(let node):
            return StoredProvision(
                version: version, document: stored.summary, citation: address.description, place: index.place(of: node.id),
                node: node, text: ProvisionFormatter().format(node), locations: stored.locations)
        }
    }
}

extension ParagrafStore {
    /// A version's document as a ``ParsedDocument`` for the libraries that read a source text (references, diff,
    /// history, export): its stored tree rendered as plain text (``PlainTextFormatter``) and parsed again, which
    /// gives the same nodes, ids and texts; the metadata and absent parts are the stored ones. The original source
    /// is not in the database, so ranges index that rendered text, not the file imported, and the document has no
    /// diagnostics of its own (the import's are in ``document(_:)``).
    public func parsedDocument(of version: StoredVersion) throws(StoreError) -> ParsedDocument {
        guard let id = version.document, version.hasText else {
            throw .notFound("\(version.label) (\(version.work)) is known, but its text is not in the corpus")
        }
        let stored = try document(id)
        let text = PlainTextFormatter().format(stored.document)
        var parsed = RegulationParser.parse(text: text, sourceName: "\(version.label) (as stored)")
        parsed.document.metadata = stored.document.metadata
        parsed.document.absentParts = stored.document.absentParts
        // What the parser noticed in the rendered text says nothing of the source; the import's diagnostics are
        // the stored document's (``document(_:)``).
        parsed.document.diagnostics = []
        return parsed
    }
}
