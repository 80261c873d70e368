import Foundation
import Paragraf

/// Writes a ``Document`` as Akoma Ntoso 3.0 (OASIS LegalDocML) XML: an `act` with FRBR metadata, the
/// lifecycle, and the chapters, sections, subsections and points with their eIds, `num` and `heading`.
///
/// The output validates against the OASIS schema `akomantoso30.xsd` (see ``SchemaValidator``).
/// FRBR URIs follow the AKN naming convention, `/akn/dk/act/{bek|lbk|lov}/{year}/{number}` when the
/// number is known and `/akn/dk/act/{type}/{signing date}/{title slug}` when not; the ELI, when known, is
/// the work's `FRBRalias name="eli"`. Sentences (*pkt.*) are `span`s with eIds ending `__sent_N`;
/// footnotes are `note`s in the metadata with a `noteRef` where they stand; an amending act's in-force provisions go to the conclusions.
public struct AkomaNtosoExporter: Sendable {
    /// Citations to link, by leaf node id.
    public var links: [NodeID: [InlineLink]]
    /// The date of the export, used as the manifestation date (defaults to the expression date, for
    /// byte-stable output).
    public var manifestationDate: LegalDate?

    /// Creates an exporter.
    public init(links: [NodeID: [InlineLink]] = [:], manifestationDate: LegalDate? = nil) {
        self.links = links
        self.manifestationDate = manifestationDate
    }

    /// The AKN namespace.
    public static let namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

    /// The work URI: `/akn/dk/act/bek/2024/1709`.
    public static func workURI(_ metadata: Metadata) -> String {
        let type = subtype(metadata.documentType)
        if let number = metadata.number, let year = metadata.year ?? metadata.signingDate?.year {
            return "/akn/dk/act/\(type)/\(year)/\(slug(number))"
        }
        let date = metadata.signingDate?.description ?? metadata.inForceDate?.description ?? "undated"
        return "/akn/dk/act/\(type)/\(date)/\(slug(titleTopic(metadata.title)))"
    }

    static func subtype(_ type: DocumentType) -> String {
        switch type {
        case .unknown: return "act"
        default: return type.abbreviation.lowercased()
        }
    }

    /// "Bekendtgørelse om tandpleje" → "tandpleje".
    static func titleTopic(_ title: String?) -> String {
        guard var t = title, !t.isEmpty else { return "untitled" }
        if let r = t.range(of: " om ") { t = String(t[r.upperBound...]) }
        return t
    }

    /// Lower-case ASCII with Danish letters spelled out, other characters as "-".
    static func slug(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            switch ch {
            case "æ": out += "ae"
            case "ø": out += "oe"
            case "å": out += "aa"
            case "é": out += "e"
            default:
                if ch.isASCII && (ch.isLetter || ch.isNumber) { out.append(ch) } else if !out.hasSuffix("-") { out += "-" }
            }
            if out.count > 60 { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        while out.hasPrefix("-") { out.removeFirst() }
        return out.isEmpty ? "x" : out
    }

    /// The AKN XML of `document`.
    public func export(_ document: Document) -> String {
        let m = document.metadata
        let eIds = AkomaNtosoNaming.eIds(of: document)
        var w = XMLWriter()
        w.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        w.open("akomaNtoso", [("xmlns", Self.namespace)])
        w.open("act", [("name", Self.subtype(m.documentType))])
        writeMeta(&w, document, eIds: eIds, component: nil)
        let root = document.root
        if let title = root.children.first(where: { $0.kind == .title }) {
            w.open("preface")
            w.leaf("p", [("class", "title")], markup: "<docTitle>\(XMLWriter.escape(title.text ?? ""))</docTitle>")
            w.close()
        }
        if let preamble = root.children.first(where: { $0.kind == .preamble }) {
            w.open("preamble")
            w.open("formula", [("name", "enactingFormula")])
            w.leaf("p", markup: inline(preamble, eIds: eIds))
            w.close()
            w.close()
        }
        w.open("body")
        let bodyNodes = root.children.filter { ![.title, .preamble, .signature, .annex].contains($0.kind) }
        if bodyNodes.isEmpty {
            w.open("hcontainer", [("name", "empty"), ("eId", "hcontainer_empty")])
            w.open("content")
            w.empty("p")
            w.close()
            w.close()
        }
        // Footnotes sit in <meta><notes>; a noteRef marks where each stands.
        var noteRefs: [NodeID: String] = [:]
        for (i, note) in (document.metadata.notes ?? []).filter({ $0.kind == .footnote }).enumerated() {
            guard let anchor = note.anchor else { continue }
            noteRefs[anchor, default: ""] +=
                "<noteRef href=\"#note_\(i + 1)\"\(XMLWriter.attributes([("marker", note.marker)]))/>"
        }
        for node in bodyNodes { writeHierarchy(&w, node, eIds: eIds, noteRefs: noteRefs) }
        w.close()
        writeConclusions(&w, document, eIds: eIds)
        let annexes = root.children.filter { $0.kind == .annex }
        if !annexes.isEmpty {
            w.open("attachments")
            for annex in annexes { writeAnnex(&w, annex, document: document, eIds: eIds) }
            w.close()
        }
        w.close()
        w.close()
        return w.output
    }

    // MARK: Meta

    /// `eIds` (the document's, see ``AkomaNtosoNaming/eIds(of:)``) name the provision that repeals.
    func writeMeta(_ w: inout XMLWriter, _ document: Document, eIds: [NodeID: String], component: String?) {
        let m = document.metadata
        let work = Self.workURI(m)
        let workDate = (m.signingDate ?? m.inForceDate)?.description ?? "1900-01-01"
        let expressionDate = (m.inForceDate ?? m.signingDate)?.description ?? workDate
        let expression = "\(work)/dan@\(expressionDate)"
        let suffix = component.map { "/!\($0)" } ?? "/!main"
        let author = "#" + authorID(m)
        w.open("meta")
        w.open("identification", [("source", "#paragraf")])
        w.open("FRBRWork")
        w.empty("FRBRthis", [("value", work + suffix)])
        w.empty("FRBRuri", [("value", work)])
        if let eli = m.eli { w.empty("FRBRalias", [("value", eli), ("name", "eli")]) }
        if let accession = m.accessionNumber { w.empty("FRBRalias", [("value", accession), ("name", "accessionNumber")]) }
        w.empty("FRBRdate", [("date", workDate), ("name", "signature")])
        w.empty("FRBRauthor", [("href", author)])
        w.empty("FRBRcountry", [("value", "dk")])
        w.empty("FRBRsubtype", [("value", Self.subtype(m.documentType))])
        if let number = m.number { w.empty("FRBRnumber", [("value", number)]) }
        if let title = m.title { w.empty("FRBRname", [("value", title)]) }
        w.close()
        w.open("FRBRExpression")
        w.empty("FRBRthis", [("value", expression + suffix)])
        w.empty("FRBRuri", [("value", expression)])
        w.empty("FRBRdate", [("date", expressionDate), ("name", "inForce")])
        w.empty("FRBRauthor", [("href", author)])
        w.empty("FRBRlanguage", [("language", "dan")])
        w.close()
        let manifestationDate = manifestationDate?.description ?? expressionDate
        w.open("FRBRManifestation")
        w.empty("FRBRthis", [("value", expression + suffix + ".xml")])
        w.empty("FRBRuri", [("value", expression + ".akn")])
        w.empty("FRBRdate", [("date", manifestationDate), ("name", "transform")])
        w.empty("FRBRauthor", [("href", "#paragraf")])
        w.close()
        w.close()
        guard component == nil else {
            w.close()
            return
        }
        // Lifecycle: signing, entry into force, end; the acts it repeals are active references.
        w.open("lifecycle", [("source", "#paragraf")])
        if let signed = m.signingDate {
            w.empty(
                "eventRef",
                [
                    ("eId", "evt_signed"), ("date", signed.description), ("source", "#original"), ("type", "generation"),
                    ("refersTo", "#signing"),
                ])
        }
        if let inForce = m.inForceDate {
            w.empty(
                "eventRef",
                [
                    ("eId", "evt_inforce"), ("date", inForce.description), ("source", "#original"), ("type", "generation"),
                    ("refersTo", "#entryIntoForce"),
                ])
        }
        if let end = m.endDate {
            w.empty(
                "eventRef",
                [
                    ("eId", "evt_end"), ("date", end.description), ("source", "#original"), ("type", "repeal"),
                    ("refersTo", "#endOfValidity"),
                ])
        }
        if m.signingDate == nil && m.inForceDate == nil {
            w.empty("eventRef", [("eId", "evt_unknown"), ("date", workDate), ("source", "#original"), ("type", "generation")])
        }
        w.close()
        if !m.repeals.isEmpty {
            w.open("analysis", [("source", "#paragraf")])
            w.open("activeModifications")
            // One provision repeals them all: found once, not once per act repealed.
            let source = "#" + (repealSource(document, eIds: eIds) ?? "body")
            for (i, repealed) in m.repeals.enumerated() {
                w.open("textualMod", [("type", "repeal"), ("eId", "amod_\(i + 1)")])
                w.empty("source", [("href", source)])
                w.empty("destination", [("href", repealedURI(repealed))])
                w.close()
            }
            w.close()
            w.close()
        }
        if m.inForceDate != nil {
            w.open("temporalData", [("source", "#paragraf")])
            w.open("temporalGroup", [("eId", "tg_inforce")])
            w.empty("timeInterval", [("start", "#evt_inforce"), ("end", m.endDate != nil ? "#evt_end" : nil), ("refersTo", "#inForce")])
            w.close()
            w.close()
        }
        w.open("references", [("source", "#paragraf")])
        w.empty("original", [("eId", "original"), ("href", expression), ("showAs", m.title ?? "original")])
        for (i, repealed) in m.repeals.enumerated() {
            w.empty("activeRef", [("eId", "repealed_\(i + 1)"), ("href", repealedURI(repealed)), ("showAs", repealed.text)])
        }
        w.empty("TLCOrganization", [("eId", "paragraf"), ("href", "/ontology/organization/paragraf"), ("showAs", "Paragraf")])
        w.empty(
            "TLCOrganization",
            [("eId", authorID(m)), ("href", "/ontology/organization/dk/" + authorID(m)), ("showAs", m.ministry ?? "ukendt myndighed")])
        for (eId, label) in [
            ("signing", "underskrift"), ("entryIntoForce", "ikrafttræden"), ("endOfValidity", "ophør"), ("inForce", "i kraft"),
        ] {
            w.empty("TLCEvent", [("eId", eId), ("href", "/ontology/event/" + eId), ("showAs", label)])
        }
        w.close()
        let footnotes = (m.notes ?? []).filter { $0.kind == .footnote }
        if !footnotes.isEmpty {
            w.open("notes", [("source", "#paragraf")])
            for (i, note) in footnotes.enumerated() {
                w.open("note", [("eId", "note_\(i + 1)"), ("marker", note.marker)])
                w.leaf("p", text: note.text)
                w.close()
            }
            w.close()
        }
        w.close()
    }

    func authorID(_ m: Metadata) -> String { Self.slug(m.ministry ?? "ukendt-myndighed") }

    func repealedURI(_ r: InstrumentReference) -> String {
        let type = Self.subtype(r.type == .unknown ? .bekendtgoerelse : r.type)
        let year = r.date.map { "\($0.year)" } ?? "undated"
        return "/akn/dk/act/\(type)/\(year)/\(r.number ?? "x")"
    }

    /// The eId of the section whose text repeals ("ophæves").
    func repealSource(_ document: Document, eIds: [NodeID: String]) -> String? {
        for section in document.sections.reversed() where section.plainText.contains("ophæves") {
            return eIds[section.id]
        }
        return nil
    }

    // MARK: Body

    func writeHierarchy(_ w: inout XMLWriter, _ node: Node, eIds: [NodeID: String], noteRefs: [NodeID: String]) {
        let notes = noteRefs[node.id] ?? ""
        let eId = eIds[node.id]
        let element: String
        switch node.kind {
        case .part: element = "part"
        case .chapter: element = "chapter"
        case .section: element = "section"
        case .subsection: element = "subsection"
        case .item: element = "point"
        default:
            // Unplaced text and anything else that is not a provision: an hcontainer with its text.
            w.open("hcontainer", [("eId", eId), ("name", node.kind.rawValue)])
            w.open("content")
            w.leaf("p", markup: inline(node, eIds: eIds))
            w.close()
            w.close()
            return
        }
        w.open(element, [("eId", eId)])
        if let label = node.label { w.leaf("num", text: label) }
        if let title = node.title { w.leaf("heading", text: title) }
        let hierarchical = node.children.filter { [.part, .chapter, .section, .subsection, .item, .unplaced].contains($0.kind) }
        let leaves = node.children.filter { $0.kind == .sentence || $0.kind == .block }
        if hierarchical.isEmpty {
            w.open("content")
            w.leaf("p", markup: (leaves.isEmpty ? (node.isRepealed ? "(Ophævet)" : "") : sentences(leaves, eIds: eIds)) + notes)
            w.close()
        } else {
            // Sentences before the first child provision are the intro, the rest the wrap-up.
            let firstChild = node.children.firstIndex { !($0.kind == .sentence || $0.kind == .block) } ?? 0
            let intro = node.children[..<firstChild].filter { $0.kind == .sentence || $0.kind == .block }
            let wrap = node.children[firstChild...].filter { $0.kind == .sentence || $0.kind == .block }
            if !intro.isEmpty {
                w.open("intro")
                w.leaf("p", markup: sentences(Array(intro), eIds: eIds) + (wrap.isEmpty ? notes : ""))
                w.close()
            }
            for child in hierarchical { writeHierarchy(&w, child, eIds: eIds, noteRefs: noteRefs) }
            if !wrap.isEmpty {
                w.open("wrapUp")
                w.leaf("p", markup: sentences(Array(wrap), eIds: eIds) + notes)
                w.close()
            }
        }
        w.close()
    }

    func sentences(_ leaves: [Node], eIds: [NodeID: String]) -> String {
        leaves.map { leaf in
            "<span eId=\"\(XMLWriter.escape(eIds[leaf.id] ?? leaf.id.description, attribute: true))\">\(inline(leaf, eIds: eIds))</span>"
        }.joined(separator: " ")
    }

    /// A leaf's text, escaped, with its citations as `<ref href>`.
    func inline(_ node: Node, eIds: [NodeID: String]) -> String {
        InlineLink.markUp(node.text ?? node.plainText, links: links[node.id] ?? [], element: "ref")
    }

    // MARK: Conclusions and annexes

    func writeConclusions(_ w: inout XMLWriter, _ document: Document, eIds: [NodeID: String]) {
        let signatures = document.root.children.filter { $0.kind == .signature }
        let inForce = (document.metadata.notes ?? []).filter { $0.kind == .inForce }
        guard !signatures.isEmpty || !inForce.isEmpty else { return }
        w.open("conclusions")
        for signature in signatures {
            var markup = XMLWriter.escape(signature.text ?? "")
            if let date = document.metadata.signingDate, let r = markup.range(of: date.danish) {
                markup.replaceSubrange(r, with: "<date date=\"\(date)\">\(date.danish)</date>")
            }
            w.leaf("p", [("class", "signature")], markup: markup)
        }
        for note in inForce { w.leaf("p", [("class", "inForce")], text: note.text) }
        w.close()
    }

    func writeAnnex(_ w: inout XMLWriter, _ annex: Node, document: Document, eIds: [NodeID: String]) {
        w.open("attachment", [("eId", eIds[annex.id])])
        w.open("doc", [("name", "bilag")])
        writeMeta(&w, document, eIds: eIds, component: "bilag_\(annex.number ?? "1")")
        if annex.label != nil || annex.title != nil {
            w.open("preface")
            if let label = annex.label { w.leaf("p", [("class", "num")], text: label) }
            if let title = annex.title { w.leaf("p", [("class", "title")], markup: "<docTitle>\(XMLWriter.escape(title))</docTitle>") }
            w.close()
        }
        w.open("mainBody")
        if annex.children.isEmpty { w.empty("p") }
        for block in annex.children {
            w.leaf("p", [("eId", eIds[block.id])], markup: inline(block, eIds: eIds))
        }
        w.close()
        w.close()
        w.close()
    }
}
