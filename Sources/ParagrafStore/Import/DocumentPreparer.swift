import Foundation
import Paragraf
import ParagrafReferences
import ParagrafXML

/// Reads one input into a ``PreparedDocument``: detects the format, parses, builds the node rows, the full-text
/// units and the citation rows, and decides the document's identity. Never touches the database.
struct DocumentPreparer: Sendable {
    /// The largest document accepted (bytes).
    var maximumBytes: Int
    let extractor = CitationExtractor()

    /// The prepared document, or why it cannot be imported.
    func prepare(_ item: ImportItem, sha256 knownHash: String? = nil) -> Result<PreparedDocument, ImportFailure> {
        func fail(_ reason: String, sha: String? = nil) -> Result<PreparedDocument, ImportFailure> {
            .failure(ImportFailure(source: item.source, sha256: sha, bytes: item.oversize ?? item.bytes.count, reason: reason))
        }
        if let rejection = item.rejection { return fail(rejection) }
        if let size = item.oversize {
            return fail("\(size) bytes: over the limit of \(maximumBytes) bytes per document (--max-document-bytes)")
        }
        let bytes = item.bytes
        let sha = knownHash ?? SHA256.hex(bytes)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return fail("empty: no text", sha: sha)
        }
        let format = DocumentReader.detect(bytes)
        if format == .text || format == .html, let binary = Self.binaryReason(bytes) { return fail(binary, sha: sha) }
        // The reader of the format detected (DocumentReader.read would detect it a second time).
        let parsed: ParsedDocument
        switch format {
        case .dataset: parsed = DatasetReader.read(bytes, sourceName: item.source)
        case .lexDania: parsed = LexDaniaImporter.read(bytes, sourceName: item.source)
        case .html: parsed = HTMLImporter.read(bytes, sourceName: item.source)
        case .text: parsed = RegulationParser.parse(bytes, sourceName: item.source)
        }
        let document = parsed.document
        if format == .dataset, let problem = Self.datasetProblem(document, parsed.source) { return fail(problem, sha: sha) }
        let rows = NodeRows.build(document)
        if rows.count >= StoreCodes.maximumNodes { return fail("\(rows.count) nodes: more than one document may hold", sha: sha) }
        if rows.count <= 1 && document.metadata.title == nil {
            return fail("no regulation found: no title and no text", sha: sha)
        }
        var ordinals: [String: Int32] = [:]
        ordinals.reserveCapacity(rows.count)
        for (i, row) in rows.enumerated() { ordinals[row.path] = Int32(i) }
        let graph = ReferenceGraph(parsed: parsed, extractor: extractor)
        let citations = CitationRows.build(graph.citations, ordinals: ordinals, absent: document.absentParts ?? [])
        if citations.count >= StoreCodes.maximumNodes {
            return fail("\(citations.count) citation targets: more than one document may hold", sha: sha)
        }
        let metadata = document.metadata
        let record = format == .dataset ? DatasetReader.record(bytes).record : nil
        let rtype = record?.shortName.map { Self.retsinformationType($0.value) }
        let datasetID = record?.id?.value
        var type = metadata.documentType == .unknown ? "?" : metadata.documentType.abbreviation
        if type == "?", let rtype, let first = rtype.split(separator: " ").first { type = String(first) }
        let role = DocumentRole.of(type: type, rtype: rtype, title: metadata.title)
        let year = metadata.year ?? (metadata.number != nil ? metadata.signingDate?.year : nil)
        let key: String
        if let number = metadata.number, let year {
            key = "\(type)-\(year)-\(number)@\(format.rawValue)"
        } else if let sourceKey = item.sourceKey {
            key = "file:" + sourceKey
        } else {
            key = "sha256:" + sha
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let warnings = document.diagnostics.filter { $0.severity >= .warning }.count
        let diagnostics = document.diagnostics.isEmpty ? nil : try? encoder.encode(Array(document.diagnostics.prefix(200)))
        return .success(
            PreparedDocument(
                key: key, sha256: sha, source: item.source, format: format.rawValue, type: type, rtype: rtype, role: role,
                number: metadata.number, year: year, title: metadata.title, signed: metadata.signingDate,
                inForce: metadata.inForceDate, eli: metadata.eli, accession: metadata.accessionNumber,
                datasetID: datasetID, isPartial: document.isPartial, bytes: bytes.count, warnings: warnings,
                metadata: (try? encoder.encode(metadata)) ?? Data("{}".utf8), diagnostics: diagnostics,
                lines: LineTable(starts: parsed.source.lineStarts).encoded,
                amends: role == .version ? AmendTargets() : amendTargets(rows: rows, citations: citations, title: metadata.title),
                repeals: metadata.repeals.compactMap(InstrumentKey.init).map(\.encoded),
                basisAct: metadata.legalBasisAct.flatMap { extractor.act(named: $0)?.key },
                manifestWork: item.manifestWork, manifestVersion: item.manifestVersion, rows: rows,
                units: UnitText.units(rows), citations: citations))
    }

    /// "BEK H" from "BEK H#LOKDOK04".
    static func retsinformationType(_ shortName: String) -> String {
        String(shortName.prefix { $0 != "#" }).trimmingCharacters(in: .whitespaces)
    }

    /// Why bytes read as text are not a regulation: NUL bytes or many control bytes mean binary data.
    static func binaryReason(_ bytes: [UInt8]) -> String? {
        var controls = 0
        var nul = 0
        for byte in bytes where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C {
            controls += 1
            if byte == 0 { nul += 1 }
        }
        if nul > 0 || controls * 100 > bytes.count {
            return "binary data, not a regulation text (\(controls) control bytes, \(nul) NUL, in \(bytes.count) bytes)"
        }
        return nil
    }

    /// Why a dataset document cannot be imported: malformed or truncated JSON, or a field of the wrong type
    /// where the text should be. Its position is line:column within the document.
    static func datasetProblem(_ document: Document, _ source: SourceText) -> String? {
        let fatal = document.diagnostics.first { d in
            d.severity == .error || (d.code == DatasetDiagnosticCode.wrongType && d.severity >= .warning)
        }
        guard let fatal else { return nil }
        return "\(fatal.code) at \(source.locations.location(of: fatal.range.start)): \(fatal.message)"
    }

    /// What an amending instrument amends: the acts and instruments of its "foretages følgende ændringer"
    /// sentences, and the names its title gives after "om ændring af".
    func amendTargets(rows: [NodeRow], citations: [CitationRow], title: String?) -> AmendTargets {
        var targets = AmendTargets()
        for row in citations where row.kind == .externalAct || row.kind == .otherInstrument {
            guard let text = rows[Int(row.node)].text, text.contains("følgende ændring") || text.contains("foretages følgende")
            else { continue }
            if let act = row.act, !targets.acts.contains(act) { targets.acts.append(act) }
            if let instrument = row.instrument, !targets.instruments.contains(instrument) {
                targets.instruments.append(instrument)
            }
        }
        guard let title else { return targets }
        let lower = title.lowercased()
        guard
            let range = lower.range(of: "om ændring af ") ?? lower.range(of: "om ikrafttræden af ")
                ?? lower.range(of: "om ophævelse af ")
        else { return targets }
        let named = String(lower[range.upperBound...]).split(separator: "\n").first.map(String.init) ?? ""
        for citation in extractor.citations(inProse: named) where citation.kind == .externalAct {
            if let act = citation.act?.key, !targets.acts.contains(act) { targets.acts.append(act) }
        }
        for prefix in ["bekendtgørelse om ", "bekendtgørelse af ", "cirkulære om ", "vejledning om "] where named.hasPrefix(prefix) {
            let name = named.prefix { $0 != "(" }.trimmingCharacters(in: .whitespaces)
            targets.titles.append(name)
        }
        return targets
    }
}
