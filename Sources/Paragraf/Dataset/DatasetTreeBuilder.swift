/// Builds a ``Document`` from a dataset record: reads the JSON fields, parses each provision's text and
/// maps every range into the JSON file (see ``DatasetReader``).
struct DatasetTreeBuilder {
    let source: SourceText
    var diagnostics: [Diagnostic] = []
    private var ids = NodeIDAllocator()
    /// Unplaced nodes made so far (their ids count up: `unplaced1`, `unplaced2`, …).
    var unplacedCount = 0

    init(source: SourceText) { self.source = source }

    mutating func diagnose(_ code: String, _ severity: Severity, _ message: String, _ range: Range<Int>) {
        diagnostics.append(
            Diagnostic(code: code, severity: severity, message: message, range: source.range(range.lowerBound, range.upperBound)))
    }

    // MARK: The record

    /// The record's fields, or nil when the input holds no JSON object.
    mutating func readRecord(_ b: [UInt8]) -> DatasetRecord? {
        var start = 0
        if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { start = 3 }
        var scanner = JSONScanner(b, range: start..<b.count)
        let root = scanner.readValue()
        if let problem = scanner.problem {
            let code =
                scanner.skippedDeep > 0 && problem.message.contains("nest deeper")
                ? DatasetDiagnosticCode.tooDeep : DatasetDiagnosticCode.malformed
            let kept = root?.kind == .object ? "; what was read before it is kept" : ""
            diagnose(code, .error, "not valid JSON: \(problem.message)\(kept)", problem.offset..<min(b.count, problem.offset + 1))
        } else {
            scanner.skipSpace()
            if !scanner.atEnd {
                diagnose(
                    DatasetDiagnosticCode.trailingContent, .warning,
                    "more JSON after the document: a file holds one document (read JSON lines one line at a time); the rest is ignored",
                    scanner.i..<min(b.count, scanner.i + 1))
            }
        }
        guard let root else {
            if scanner.problem == nil {
                diagnose(DatasetDiagnosticCode.malformed, .error, "the input is empty: no JSON document", 0..<0)
            }
            return nil
        }
        guard root.kind == .object else {
            diagnose(
                DatasetDiagnosticCode.wrongType, .error,
                "the document is \(root.kindDescription), not a JSON object with \"provisions\"", root.range)
            return nil
        }
        var record = DatasetRecord()
        record.id = field(root, "id", b, acceptNumber: true)
        record.title = field(root, "title", b)
        record.shortName = field(root, "short_name", b)
        record.status = field(root, "status", b)
        record.issuedDate = field(root, "issued_date", b)
        record.url = field(root, "url", b)
        record.description = field(root, "description", b)
        if record.title == nil && root["title"] == nil && root.isComplete {
            diagnose(
                DatasetDiagnosticCode.missingField, .warning, "the document has no \"title\"",
                root.range.lowerBound..<root.range.lowerBound + 1)
        }
        guard let provisions = root["provisions"] else {
            if root.isComplete {
                diagnose(
                    DatasetDiagnosticCode.missingField, .warning, "the document has no \"provisions\": no text to read",
                    root.range.lowerBound..<root.range.lowerBound + 1)
            }
            return record
        }
        guard provisions.kind == .array else {
            // The metadata-only records of the dataset give the count of provisions instead of the list.
            let note = provisions.kind == .number ? " (a count: this record carries metadata only, no text)" : ""
            diagnose(
                DatasetDiagnosticCode.wrongType, provisions.kind == .number ? .note : .warning,
                "\"provisions\" is \(provisions.kindDescription), not an array\(note)", provisions.range)
            return record
        }
        if provisions.elements.isEmpty && provisions.isComplete {
            diagnose(
                DatasetDiagnosticCode.missingField, .note,
                "\"provisions\" is empty: the record carries metadata only, no text", provisions.range)
        }
        for (index, element) in provisions.elements.enumerated() {
            guard element.kind == .object else {
                diagnose(
                    DatasetDiagnosticCode.wrongType, .warning,
                    "provision \(index + 1) is \(element.kindDescription), not an object; skipped", element.range)
                continue
            }
            var provision = DatasetRecord.Provision(index: index, range: element.range)
            provision.chapter = field(element, "chapter", b, acceptNumber: true)
            if provision.chapter?.value.allSatisfy(\.isWhitespace) ?? false { provision.chapter = nil }
            provision.section = field(element, "section", b, acceptNumber: true)
            provision.ref = field(element, "provision_ref", b, acceptNumber: true)
            if let content = element["content"] {
                if content.kind == .string {
                    provision.contentRange = content.contentRange
                } else if content.kind != .null {
                    diagnose(
                        DatasetDiagnosticCode.wrongType, .warning,
                        "\"content\" of provision \(index + 1) is \(content.kindDescription), not a string; the provision is skipped",
                        content.range)
                    continue
                }
            }
            record.provisions.append(provision)
        }
        return record
    }

    /// A string field (or a number, where `acceptNumber`); wrong types are reported and read as absent.
    private mutating func field(
        _ object: JSONValue, _ name: String, _ b: [UInt8], acceptNumber: Bool = false
    ) -> DatasetRecord.Field? {
        guard let value = object[name] else { return nil }
        switch value.kind {
        case .string:
            let decoded = JSONStringDecoder.decode(b, value.contentRange)
            if decoded.repaired > 0, let at = decoded.firstRepair {
                diagnose(
                    DatasetDiagnosticCode.repairedText, .warning,
                    "\"\(name)\" holds \(decoded.repaired) bytes that are not valid UTF-8 or a broken escape; read as U+FFFD",
                    at..<at + 1)
            }
            return DatasetRecord.Field(value: String(decoding: decoded.bytes, as: UTF8.self), range: value.contentRange)
        case .number where acceptNumber:
            return DatasetRecord.Field(value: String(decoding: b[value.range], as: UTF8.self), range: value.range)
        case .null:
            return nil
        default:
            diagnose(
                DatasetDiagnosticCode.wrongType, .warning, "\"\(name)\" is \(value.kindDescription), not a string; ignored",
                value.range)
            return nil
        }
    }

    // MARK: The document

    mutating func build(_ b: [UInt8], sourceName: String) -> Document {
        let record = readRecord(b)
        var metadata = Metadata()
        var children: [Node] = []
        if let record {
            metadata = Self.metadata(of: record)
            children = body(record, b, metadata: &metadata)
        }
        let n = source.bytes.count
        let root = Node(kind: .document, id: "document", range: source.range(0, n), children: children)
        if record != nil {
            diagnose(
                DatasetDiagnosticCode.partial, .note,
                "a dataset document holds the §§ only: no title block, preamble, chapter titles, annexes or signature",
                0..<0)
        }
        diagnostics.sort { ($0.range.start.offset, $0.code) < ($1.range.start.offset, $1.code) }
        var document = Document(
            sourceName: sourceName,
            encoding: n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? .utf8BOM : .utf8, sourceLength: n,
            metadata: metadata, root: root, diagnostics: diagnostics)
        document.absentParts = DatasetReader.absentParts
        return document
    }

    static func metadata(of record: DatasetRecord) -> Metadata {
        var metadata = Metadata(title: record.title?.value, documentType: record.documentType)
        metadata.signingDate = record.issuedDate.flatMap { LegalDate($0.value) }
        metadata.eli = record.eli
        if let (year, number) = record.yearAndNumber {
            metadata.year = year
            metadata.number = number
        }
        metadata.accessionNumber = record.accessionNumber
        metadata.status = record.status?.value
        return metadata
    }

    /// The chapters and §§ of the record, in order.
    private mutating func body(_ record: DatasetRecord, _ b: [UInt8], metadata: inout Metadata) -> [Node] {
        var top: [Node] = []
        var chapter: (number: String, label: Range<Int>, sections: [Node])?
        func closeChapter(_ builder: inout DatasetTreeBuilder) {
            guard let c = chapter else { return }
            chapter = nil
            guard let last = c.sections.last else { return }
            let id = builder.uniqueID(.chapter(c.number), at: c.label)
            let start = min(c.label.lowerBound, c.sections.first!.range.start.offset)
            top.append(
                Node(
                    kind: .chapter, id: id, label: "Kapitel \(c.number)", number: c.number,
                    range: builder.source.range(start, last.range.end.offset),
                    labelRange: builder.source.range(c.label.lowerBound, c.label.upperBound), children: c.sections))
        }
        for provision in record.provisions {
            let nodes = parseProvision(provision, b, metadata: &metadata)
            guard !nodes.isEmpty else { continue }
            if let number = provision.chapter.map({ Self.chapterNumber($0.value) }) {
                if chapter?.number != number {
                    closeChapter(&self)
                    chapter = (number, provision.chapter!.range, [])
                }
                chapter!.sections += nodes
            } else {
                closeChapter(&self)
                top += nodes
            }
        }
        closeChapter(&self)
        return top
    }

    /// "4", "6 a", "IV": trimmed, spaces collapsed, a letter suffix written apart and lowercase ("4A" → "4 a").
    static func chapterNumber(_ raw: String) -> String {
        let words = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if let digitsEnd = words.firstIndex(where: { !$0.isNumber }), digitsEnd != words.startIndex {
            let digits = words[..<digitsEnd]
            let rest = words[digitsEnd...].trimmingPrefix(" ")
            if rest.count == 1, rest.first!.isLetter { return digits + " " + rest.lowercased() }
        }
        return words
    }

    /// Keeps ids unique across provisions: a repeated one gets "~2", "~3", … as the text parser does.
    mutating func uniqueID(_ step: NodeID.Step, at range: Range<Int>) -> NodeID {
        let allocation = ids.unique(step, under: nil)
        if let repeated = allocation.repeated {
            diagnose(
                DatasetDiagnosticCode.duplicateID, .warning, "\(repeated) appears again; this one is \(allocation.id)", range)
        }
        return allocation.id
    }
}
