import Paragraf
import ParagrafReferences

/// From a document's resolved citations to its rows.
enum CitationRows {
    /// The rows of `citations`, whose node ids are looked up in `ordinals` (node id → ordinal).
    /// An act citation followed by ", jf. lovbekendtgørelse nr. 903 af 26. august 2019" takes that instrument:
    /// the provisions it names are read in that consolidation.
    /// A target in a part the source leaves out (`absent`: a dataset document has no annexes) is not a finding:
    /// it is recorded as outside the document's source, with the reason.
    static func build(_ citations: [ResolvedCitation], ordinals: [String: Int32], absent: [DocumentPart] = []) -> [CitationRow] {
        var rows: [CitationRow] = []
        rows.reserveCapacity(citations.count + citations.count / 2)
        for (index, resolved) in citations.enumerated() {
            guard let source = resolved.sourceID, let node = ordinals[source.description] else { continue }
            let c = resolved.citation
            var base = CitationRow(
                node: node, citation: Int32(index), start: c.span.start.offset, end: c.span.end.offset, lead: c.lead,
                kind: c.kind, text: c.text, act: c.act?.key, instrument: nil, address: nil, status: .external,
                reason: nil, target: nil)
            switch c.kind {
            case .otherInstrument:
                base.instrument = c.instrument.flatMap(InstrumentKey.init)?.encoded
                if base.instrument == nil { base.reason = "the instrument is named without number and date" }
                rows.append(base)
                continue
            case .euRegulation:
                base.reason = "EU law is not in the corpus"
                rows.append(base)
                continue
            default:
                break
            }
            if resolved.targets.isEmpty {
                rows.append(base)
                continue
            }
            for target in resolved.targets {
                var row = base
                switch target.status {
                case .resolved:
                    row.status = .resolved
                    row.address = target.nodeID?.description
                    row.target = target.nodeID.flatMap { ordinals[$0.description] }
                case .unresolved:
                    row.status = .unresolved
                    row.address = isAbsolute(target.address) ? target.address.id.description : nil
                    row.reason = target.message ?? target.reason?.rawValue
                    if let part = absentPart(target.address, absent) {
                        row.status = .external
                        row.reason = "\(target.address) is in the document's \(part.displayName), which this source does not have"
                    }
                case .external:
                    row.status = .external
                    row.act = target.target.act?.key ?? c.act?.key
                    if isAbsolute(target.address) {
                        row.address = target.address.id.description
                    } else {
                        row.reason = "\(target.target) is relative and names no § of the act"
                    }
                }
                rows.append(row)
            }
        }
        pairInstruments(&rows, citations)
        return rows
    }

    /// The part of the document `address` lies in, when the source lacks it.
    static func absentPart(_ address: Address, _ absent: [DocumentPart]) -> DocumentPart? {
        if address.annex != nil, absent.contains(.annexes) { return .annexes }
        switch address.special {
        case .preamble: return absent.contains(.preamble) ? .preamble : nil
        case .title: return absent.contains(.title) ? .title : nil
        case .signature: return absent.contains(.signature) ? .signature : nil
        case nil: return nil
        }
    }

    /// Whether `address` names a provision by itself (not "stk. 3" alone).
    static func isAbsolute(_ address: Address) -> Bool {
        address.section != nil || address.chapter != nil || address.annex != nil || address.special != nil
    }

    /// Gives each act citation the instrument that follows it as ", jf. lovbekendtgørelse nr. …" in the same leaf.
    private static func pairInstruments(_ rows: inout [CitationRow], _ citations: [ResolvedCitation]) {
        var i = 0
        while i < rows.count {
            let row = rows[i]
            guard row.kind == .externalAct, row.act != nil else {
                i += 1
                continue
            }
            var j = i
            while j < rows.count, rows[j].citation == row.citation { j += 1 }
            // The next citation: an instrument in the same leaf, right after (", jf." between), with lead "jf.".
            if j < rows.count, rows[j].kind == .otherInstrument, rows[j].node == row.node, rows[j].lead == .jf,
                rows[j].start - row.end <= 12, let instrument = rows[j].instrument
            {
                for k in i..<j { rows[k].instrument = instrument }
            }
            i = j
        }
    }
}
