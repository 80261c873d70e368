import Paragraf
import ParagrafReferences

/// One resolved citation as the reference commands print and encode it.
public struct ResolvedCitationRow: Encodable, Sendable {
    /// A target of the citation.
    public struct Target: Encodable, Sendable {
        public var citation: String
        public var status: ResolutionStatus
        public var nodeID: NodeID?
        public var place: String?
        public var firstWords: String?
        public var act: String?
        public var reason: UnresolvedReason?
        public var message: String?
    }

    public var sourceID: NodeID?
    public var sourcePlace: String?
    public var line: Int
    public var column: Int
    public var offset: Int
    public var length: Int
    public var lead: String
    public var kind: CitationKind
    public var text: String
    public var act: ActIdentity?
    public var instrument: InstrumentReference?
    public var euRegulation: EURegulation?
    public var targets: [Target]
    public var citingSentence: String?

    /// A row for `resolved`, whose span `locations` reads (the lines of the text it was found in); `keep`
    /// selects the targets shown (cited-by shows only those inside the node asked about).
    public init(
        _ resolved: ResolvedCitation, index: NodeTable?, locations: SourceLocationConverter, withSentence: Bool = false,
        keep: (ResolvedTarget) -> Bool = { _ in true }
    ) {
        let c = resolved.citation
        sourceID = resolved.sourceID
        sourcePlace = resolved.sourceID.flatMap { id in index?.place(of: id) }
        let start = locations.location(of: c.span.start)
        line = start.line
        column = start.column
        offset = c.span.start.offset
        length = c.span.length
        lead = c.lead.rawValue
        kind = c.kind
        text = c.text
        act = c.act
        instrument = c.instrument
        euRegulation = c.euRegulation
        citingSentence = withSentence ? resolved.sourceID.flatMap { index?.node($0)?.text } : nil
        targets = resolved.targets.filter(keep).map { t in
            var row = Target(citation: t.address.description, status: t.status, nodeID: t.nodeID)
            if let id = t.nodeID, let index {
                row.place = index.place(of: id)
                row.firstWords = index.node(id).map { Self.firstWords($0.plainText) }
            }
            row.act = t.target.act?.name
            if t.status == .external { row.citation = t.target.address.description }
            row.reason = t.reason
            row.message = t.message
            return row
        }
    }

    /// The first `limit` characters of a text, "…" when cut.
    public static func firstWords(_ text: String, limit: Int = 60) -> String {
        text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    /// "12:5  p1/stk2/pkt1  jf. dog § 18, stk. 3" and one line per target.
    public func render(showSource: Bool = true) -> String {
        var out = "\(line):\(column)"
        if showSource { out += "  \(sourcePlace ?? sourceID?.description ?? "-")" }
        out += "  " + (lead.isEmpty ? text : "\(lead) \(text)") + "  [\(kind.rawValue)]"
        if let instrument {
            out +=
                "\n    → \(instrument.type.abbreviation) \(instrument.number ?? "?")"
                + (instrument.date.map { ", \($0)" } ?? "")
        }
        if let euRegulation { out += "\n    → EU \(euRegulation)" }
        if targets.isEmpty, let act { out += "\n    → \(act.name) (the act as a whole)" }
        for t in targets {
            switch t.status {
            case .resolved:
                out += "\n    → \(t.place ?? t.nodeID?.description ?? "?"): \(t.firstWords ?? "")"
            case .external:
                out += "\n    → \(t.citation)" + (t.act.map { " i \($0)" } ?? " (act not named)") + " (outside this regulation)"
            case .unresolved:
                out += "\n    → \(t.citation): UNRESOLVED (\(t.reason?.rawValue ?? "?")): \(t.message ?? "")"
            }
        }
        if let citingSentence { out += "\n    \"\(citingSentence)\"" }
        return out
    }
}
