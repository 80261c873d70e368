import Foundation
import GRDB
import Paragraf

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
