extension DatasetTreeBuilder {
    /// The nodes of one provision: its `content` parsed by the text parser, every range mapped into the file.
    /// Normally one section; text without a § heading is kept as an unplaced node.
    mutating func parseProvision(
        _ provision: DatasetRecord.Provision, _ b: [UInt8], metadata: inout Metadata
    ) -> [Node] {
        let name = provisionName(provision)
        guard let contentRange = provision.contentRange else {
            diagnose(
                DatasetDiagnosticCode.emptyProvision, .warning, "\(name) has no \"content\": no text", provision.range)
            return []
        }
        var decoded = JSONStringDecoder.decode(b, contentRange)
        if decoded.repaired > 0, let at = decoded.firstRepair {
            diagnose(
                DatasetDiagnosticCode.repairedText, .warning,
                "the text of \(name) holds \(decoded.repaired) bytes that are not valid UTF-8 or a broken escape; read as U+FFFD",
                at..<at + 1)
        }
        guard decoded.bytes.contains(where: { $0 > 0x20 }) else {
            diagnose(DatasetDiagnosticCode.emptyProvision, .warning, "\(name) has an empty \"content\": no text", contentRange)
            return []
        }
        if let at = Self.headingWithoutPeriod(decoded.bytes) {
            decoded.insert(0x2E, at: at)
            let raw = decoded.rawOffset(at)
            diagnose(
                DatasetDiagnosticCode.headingPeriod, .note,
                "the § heading of \(name) has no period after its number; read as if it had one", raw..<raw)
        }
        InlineLists.breakLines(&decoded.bytes)
        let parsed = RegulationParser.parse(decoded.bytes, sourceName: "-")
        let sub = parsed.document
        if let date = sub.metadata.inForceDate, metadata.inForceDate == nil { metadata.inForceDate = date }
        metadata.repeals += sub.metadata.repeals.isEmpty ? Self.listedRepeals(sub.root) : sub.metadata.repeals
        // The provision's own notes: "no title", "no signature" and "no structure" say nothing about a § of a
        // document that has none of those by format (D010 says so once); the rest are mapped into the file.
        let dropped: Set<String> = [DiagnosticCode.metadata, DiagnosticCode.noStructure, DiagnosticCode.empty]
        for d in sub.diagnostics where !dropped.contains(d.code) {
            var mapped = d
            mapped.range = map(d.range, decoded)
            if d.code == DiagnosticCode.unplaced {
                mapped.message = "\(name): text before its § heading, or without one; kept as unplaced"
            }
            diagnostics.append(mapped)
        }
        var nodes: [Node] = []
        for node in sub.root.children {
            switch node.kind {
            case .section:
                nodes.append(remapSection(node, decoded))
            case .chapter, .part:
                // "Kapitel" inside a provision's text: its §§ are kept, the heading is a chapter of its own.
                nodes.append(remap(node, decoded, prefix: nil))
            default:
                // A title, signature or annex the text parser saw in a provision is text of that provision.
                unplacedCount += 1
                let range = map(node.range, decoded)
                let id = uniqueID(.unplaced(unplacedCount), at: range.offsets)
                nodes.append(Node(kind: .unplaced, id: id, text: node.plainText, range: range))
            }
        }
        checkSection(provision, nodes: nodes, name: name, contentRange: contentRange)
        return nodes
    }

    /// The instruments of a repeal list: "Følgende bekendtgørelser ophæves: 1) Bekendtgørelse nr. 959 af 14. juni
    /// 2022 om tandpleje. 2) …", where the dataset's inline items, once on lines of their own, are items that
    /// the text parser's metadata (which reads the sentences saying "ophæves") does not see.
    static func listedRepeals(_ root: Node) -> [InstrumentReference] {
        var result: [InstrumentReference] = []
        root.forEach { node in
            guard node.kind == .subsection || node.kind == .item,
                let lead = node.children.last(where: { $0.kind == .sentence })?.text,
                lead.hasSuffix(":"), MetadataExtractor.keywords(in: lead).hasRepeal
            else { return }
            for item in node.children(.item) { result += MetadataExtractor.repeals(in: item.plainText) }
        }
        return result
    }

    /// "provision 12 (§ 12)" for messages.
    func provisionName(_ provision: DatasetRecord.Provision) -> String {
        let section = provision.section.map { " (§ \($0.value))" } ?? ""
        return "provision \(provision.index + 1)\(section)"
    }

    /// Warns when the provision's text does not hold the § its `section` field names.
    mutating func checkSection(_ provision: DatasetRecord.Provision, nodes: [Node], name: String, contentRange: Range<Int>) {
        let sections = nodes.filter { $0.kind == .section }
        guard let first = sections.first else {
            diagnose(
                DatasetDiagnosticCode.sectionMismatch, .warning, "\(name): its text has no § heading; kept as unplaced",
                contentRange.lowerBound..<min(contentRange.upperBound, contentRange.lowerBound + 1))
            return
        }
        guard let field = provision.section?.value else { return }
        func key(_ s: String) -> String { NodeID.withoutSpaces(s).lowercased() }
        if key(first.number ?? "") != key(field) {
            diagnose(
                DatasetDiagnosticCode.sectionMismatch, .warning,
                "\(name): the \"section\" field says § \(field), the text starts with § \(first.number ?? "?")",
                first.labelRange?.offsets ?? first.range.offsets)
        }
    }

    /// A section with a unique id (a § given twice gets "p5~2", its descendants "p5~2/stk2").
    private mutating func remapSection(_ node: Node, _ decoded: JSONStringDecoder.DecodedString) -> Node {
        let range = map(node.labelRange ?? node.range, decoded)
        let id = uniqueID(node.id.last.step, at: range.offsets)
        return remap(node, decoded, prefix: id == node.id ? nil : (node.id, id))
    }

    /// `node` with every range mapped into the file and, with `prefix`, its id prefix replaced.
    private func remap(_ node: Node, _ decoded: JSONStringDecoder.DecodedString, prefix: (NodeID, NodeID)?) -> Node {
        var n = node
        n.range = map(node.range, decoded)
        if let r = node.labelRange { n.labelRange = map(r, decoded) }
        if let r = node.titleRange { n.titleRange = map(r, decoded) }
        if let (old, new) = prefix, let id = n.id.rebased(from: old, onto: new) { n.id = id }
        n.children = node.children.map { remap($0, decoded, prefix: prefix) }
        return n
    }

    /// A range of the decoded text as a range of the file.
    func map(_ range: SourceRange, _ decoded: JSONStringDecoder.DecodedString) -> SourceRange {
        let start = decoded.rawOffset(range.start.offset)
        let end = max(start, decoded.rawOffset(range.end.offset))
        return source.range(start, end)
    }

    /// Where a period belongs in a heading written "§ 35 Bekendtgørelsen …" (after the number and any letter),
    /// or nil when the text does not start so.
    static func headingWithoutPeriod(_ t: [UInt8]) -> Int? {
        var i = 0
        while i < t.count, t[i] == 0x20 || t[i] == 0x0A || t[i] == 0x09 || t[i] == 0x0D { i += 1 }
        guard i + 1 < t.count, t[i] == 0xC2, t[i + 1] == 0xA7 else { return nil }  // §
        i += 2
        while i < t.count, t[i] == 0x20 { i += 1 }
        let digits = i
        while i < t.count, t[i] >= 0x30 && t[i] <= 0x39 { i += 1 }
        guard i > digits, i - digits <= 4 else { return nil }
        // "§ 4 a Tekst": a one-letter suffix.
        if i + 2 < t.count, t[i] == 0x20, t[i + 1] >= 0x61 && t[i + 1] <= 0x7A, t[i + 2] == 0x20 { i += 2 }
        guard i + 1 < t.count, t[i] == 0x20 else { return nil }
        // Followed by the text: a capital letter (ASCII or a two-byte Latin capital such as Æ, Ø, Å).
        let next = t[i + 1]
        guard (next >= 0x41 && next <= 0x5A) || next == 0xC3 else { return nil }
        return i
    }
}

extension JSONStringDecoder.DecodedString {
    /// Inserts `byte` before decoded offset `k`; it maps to the raw start of the byte it precedes (it has no
    /// bytes of its own in the file).
    mutating func insert(_ byte: UInt8, at k: Int) {
        if map == nil { map = Array(rawStart..<(rawStart + bytes.count)) }
        let raw = rawOffset(k)
        bytes.insert(byte, at: k)
        map!.insert(raw, at: k)
    }
}
