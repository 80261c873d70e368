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
}

/// One provision at a version: where it is and its text.
public struct StoredProvision: Codable, Sendable {
    /// The JSON schema version.
    public var schemaVersion = 1
    /// The version it is in.
    public var version: VersionSummary
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
}

extension ParagrafStore {
    /// Document `id` with its tree.
    public func document(_ id: Int64) throws(StoreError) -> StoredDocument {
        let summary = try documentSummary(id)
        let (rows, metadata, diagnostics, lines) = try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT metadata, diagnostics, lines, source, bytes FROM documents WHERE id = ?", arguments: [id])
            let metadata: Data = row?[0] ?? Data()
            let diagnostics: Data? = row?[1]
            let lines: Data = row?[2] ?? Data()
            return (try StoredNodes.rows(db, document: id), metadata, diagnostics, lines)
        }
        let decoder = JSONDecoder()
        let table = LineTable(blob: [UInt8](lines))
        let root = rows.isEmpty
            ? Node(kind: .document, id: "document", range: table.range(0..<0)) : NodeRows.tree(rows, root: 0, lines: table)
        var document = Document(
            sourceName: summary.source, encoding: .utf8, sourceLength: root.range.end.offset,
            metadata: (try? decoder.decode(Metadata.self, from: metadata)) ?? Metadata(title: summary.title),
            root: root, diagnostics: diagnostics.flatMap { try? decoder.decode([Diagnostic].self, from: $0) } ?? [])
        if summary.isPartial, document.absentParts == nil { document.absentParts = [.title, .preamble, .chapterTitles, .annexes, .signature] }
        return StoredDocument(summary: summary, document: document)
    }

    /// The provision at `address` in `version`; an error naming what exists when there is none, or saying that
    /// the version's text is not in the corpus.
    public func provision(_ address: Address, in version: VersionSummary) throws(StoreError) -> StoredProvision {
        guard let id = version.document, version.hasText else {
            throw .notFound(
                "\(version.label) (\(version.work)) is known, but its text is not in the corpus"
                    + (version.validFrom.map { "; it applied from \($0)" } ?? "") + (version.validTo.map { " to \($0)" } ?? ""))
        }
        let stored = try document(id)
        let index = stored.document.index()
        switch index.lookup(address) {
        case .failure(let error):
            var message = "\(version.label): \(error.description)"
            if stored.document.isPartial, address.special != nil || address.annex != nil || address.chapter != nil {
                message += " (this version's source, \(stored.summary.format), has no title, preamble, chapter titles, annexes or signature)"
            }
            throw .notFound(message)
        case .success(let node):
            return StoredProvision(
                version: version, document: stored.summary, citation: address.description, place: index.place(of: node.id),
                node: node, text: ProvisionFormatter().format(node))
        }
    }
}
