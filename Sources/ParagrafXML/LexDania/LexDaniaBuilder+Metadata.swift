import Foundation
import Paragraf

/// `Meta` and the text → ``Metadata``: type, numbers, dates, legal basis, repealed instruments.
extension LexDaniaBuilder {
    mutating func readMetadata(_ meta: XMLElement?, root: Node) -> Metadata {
        var m = Metadata()
        func value(_ name: String) -> String? {
            guard let e = meta?.first(name) else { return nil }
            let v = Bytes.normalized(e.textContent)
            return v.isEmpty ? nil : v
        }
        m.title = value("DocumentTitle") ?? root.children.first { $0.kind == .title }?.text
        m.documentType = LexDaniaImporter.documentType(value("DocumentType"))
        if m.documentType == .unknown, let title = m.title?.lowercased() {
            if title.hasPrefix("bekendtgørelse af lov") { m.documentType = .lovbekendtgoerelse }
            else if title.hasPrefix("bekendtgørelse") { m.documentType = .bekendtgoerelse }
            else if title.hasPrefix("lov ") { m.documentType = .lov }
        }
        if let preamble = root.children.first(where: { $0.kind == .preamble })?.text,
            preamble.lowercased().contains("i medfør af") || preamble.lowercased().contains("bekendtgøres")
        {
            m.legalBasis = preamble
            m.legalBasisAct = Self.legalBasisAct(in: preamble)
        }
        m.ministry = value("Ministry")
        m.signingDate = value("DiesSigni").flatMap { LegalDate($0) }
        m.signers = (meta?.elements("Signature") ?? []).map { Bytes.normalized($0.textContent) }.filter { !$0.isEmpty }
        m.inForceDate = value("StartDate").flatMap { LegalDate($0) }
        m.endDate = value("EndDate").flatMap { LegalDate($0) }
        m.status = value("Status")
        m.accessionNumber = value("AccessionNumber")
        m.number = value("Number")
        m.year = value("Year").flatMap { Int($0) }
        if let year = m.year, let number = m.number { m.eli = LexDaniaImporter.eli(year: year, number: number) }
        for sentence in root.all(.sentence) {
            guard let text = sentence.text else { continue }
            if m.inForceDate == nil, let r = text.range(of: "træder i kraft") {
                m.inForceDate = DanishDates.firstDate(in: String(text[r.upperBound...]))
            }
            if text.contains("ophæves") { m.repeals += Self.repeals(in: text) }
        }
        if meta == nil {
            diagnostics.append(
                Diagnostic(
                    code: XMLDiagnosticCode.metadata, severity: .note, message: "no <Meta> element; metadata read from the text only",
                    range: source.range(0, 0)))
        } else if m.number == nil || m.year == nil {
            diagnostics.append(
                Diagnostic(
                    code: XMLDiagnosticCode.metadata, severity: .note, message: "<Meta> has no Number or Year; no ELI derived",
                    range: source.range(0, 0)))
        }
        return m
    }

    /// "… i lov om sygedagpenge, jf. …" → "lov om sygedagpenge".
    static func legalBasisAct(in preamble: String) -> String? {
        let lower = preamble.lowercased()
        var end = lower.endIndex
        for stop in [", jf.", " fastsættes", ", som ændret"] {
            if let r = lower.range(of: stop), r.lowerBound < end { end = r.lowerBound }
        }
        guard let i = lower[..<end].range(of: " i ", options: .backwards) else { return nil }
        let act = String(preamble[i.upperBound..<end]).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        return act.lowercased().hasPrefix("lov") || act.lowercased().hasSuffix("loven") ? act : nil
    }

    /// "Bekendtgørelse nr. 205 af 22. marts 2001 … ophæves" → the instruments named.
    static func repeals(in sentence: String) -> [InstrumentReference] {
        var result: [InstrumentReference] = []
        let words: [(String, DocumentType)] = [
            ("lovbekendtgørelse nr. ", .lovbekendtgoerelse), ("bekendtgørelse nr. ", .bekendtgoerelse),
            ("lov nr. ", .lov), ("cirkulære nr. ", .cirkulaere),
        ]
        let lower = sentence.lowercased()
        var search = lower.startIndex
        while search < lower.endIndex {
            var best: (Range<String.Index>, DocumentType)?
            for (word, type) in words {
                if let r = lower.range(of: word, range: search..<lower.endIndex),
                    best == nil || r.lowerBound < best!.0.lowerBound
                {
                    best = (r, type)
                }
            }
            guard let (r, type) = best else { break }
            var numberEnd = r.upperBound
            while numberEnd < lower.endIndex, lower[numberEnd].isNumber { numberEnd = lower.index(after: numberEnd) }
            let number = String(lower[r.upperBound..<numberEnd])
            var end = numberEnd
            var date: LegalDate?
            let tail = String(sentence[numberEnd...])
            if tail.hasPrefix(" af "), let match = DanishDates.firstMatch(in: tail),
                tail.distance(from: tail.startIndex, to: match.range.lowerBound) <= 4
            {
                date = match.date
                end = sentence.index(numberEnd, offsetBy: tail.distance(from: tail.startIndex, to: match.range.upperBound))
            }
            if !number.isEmpty {
                result.append(
                    InstrumentReference(type: type, number: number, date: date, text: String(sentence[r.lowerBound..<end])))
            }
            search = end > r.lowerBound ? end : lower.index(after: r.lowerBound)
        }
        return result
    }
}
