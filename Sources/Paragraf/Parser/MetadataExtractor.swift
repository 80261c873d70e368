import Foundation

/// Reads the metadata a regulation states about itself from its parsed tree.
enum MetadataExtractor {
    static func extract(root: Node) -> Metadata {
        var metadata = Metadata()
        let title = root.children.first { $0.kind == .title }?.text
        metadata.title = title
        metadata.documentType = documentType(of: title)
        if let preamble = root.children.first(where: { $0.kind == .preamble })?.text {
            metadata.legalBasis = preamble
            metadata.legalBasisAct = legalBasisAct(in: preamble)
        }
        if let signature = root.all(.signature).first?.text {
            readSignature(signature, into: &metadata)
        }
        for sentence in root.all(.sentence) {
            guard let text = sentence.text else { continue }
            if metadata.inForceDate == nil, let range = text.range(of: "træder i kraft") {
                metadata.inForceDate = DanishDates.firstDate(in: String(text[range.upperBound...]))
            }
            if text.contains("ophæves") {
                metadata.repeals.append(contentsOf: repeals(in: text))
            }
        }
        return metadata
    }

    static func documentType(of title: String?) -> DocumentType {
        guard let t = title?.lowercased() else { return .unknown }
        if t.hasPrefix("bekendtgørelse af lov") || t.hasPrefix("lovbekendtgørelse") { return .lovbekendtgoerelse }
        if t.hasPrefix("bekendtgørelse") { return .bekendtgoerelse }
        if t.hasPrefix("lov ") || t == "lov" { return .lov }
        if t.hasPrefix("cirkulære") { return .cirkulaere }
        if t.hasPrefix("vejledning") { return .vejledning }
        return .unknown
    }

    /// "… § 11, stk. 2 i lov om tandpleje m.v., jf. …" → "lov om tandpleje m.v.";
    /// "… § 166, stk. 4, i sundhedsloven, jf. …" → "sundhedsloven".
    static func legalBasisAct(in preamble: String) -> String? {
        let lower = preamble.lowercased()
        var searchEnd = lower.endIndex
        if let jf = lower.range(of: ", jf.") { searchEnd = jf.lowerBound }
        if let fastsaettes = lower.range(of: " fastsættes"), fastsaettes.lowerBound < searchEnd {
            searchEnd = fastsaettes.lowerBound
        }
        let head = lower[..<searchEnd]
        guard let i = head.range(of: " i ", options: .backwards) else { return nil }
        var act = String(preamble[i.upperBound..<searchEnd])
        act = act.trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        guard act.lowercased().hasPrefix("lov") || act.lowercased().contains("loven") else { return nil }
        return act
    }

    /// "Indenrigs- og Sundhedsministeriet, den 11. december 2003 Lars Løkke Rasmussen /Ulla Kallestrup".
    static func readSignature(_ text: String, into metadata: inout Metadata) {
        guard let den = text.range(of: ", den ") else { return }
        metadata.ministry = String(text[..<den.lowerBound]).trimmingCharacters(in: .whitespaces)
        let rest = String(text[den.upperBound...])
        guard let match = DanishDates.firstMatch(in: rest) else { return }
        metadata.signingDate = match.date
        let signers = rest[match.range.upperBound...]
        metadata.signers = signers.split(separator: "/").map {
            $0.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ".")))
        }
    }

    /// "Bekendtgørelse nr. 205 af 22. marts 2001 om tandpleje ophæves."
    static func repeals(in sentence: String) -> [InstrumentReference] {
        var result: [InstrumentReference] = []
        var search = sentence.startIndex..<sentence.endIndex
        while let nr = sentence.range(of: "nr. ", range: search) {
            let before = sentence[sentence.startIndex..<nr.lowerBound].lowercased()
            let words = before.split(separator: " ")
            let typeWord = words.last.map(String.init) ?? ""
            let type: DocumentType
            switch typeWord {
            case "bekendtgørelse", "bekendtgørelsen": type = .bekendtgoerelse
            case "lovbekendtgørelse": type = .lovbekendtgoerelse
            case "lov", "loven": type = .lov
            case "cirkulære": type = .cirkulaere
            case "vejledning": type = .vejledning
            default: type = .unknown
            }
            var numberEnd = nr.upperBound
            while numberEnd < sentence.endIndex, sentence[numberEnd].isNumber { numberEnd = sentence.index(after: numberEnd) }
            let number = String(sentence[nr.upperBound..<numberEnd])
            let tail = String(sentence[numberEnd...])
            var date: LegalDate?
            var end = numberEnd
            if tail.hasPrefix(" af "), let match = DanishDates.firstMatch(in: tail),
                tail.distance(from: tail.startIndex, to: match.range.lowerBound) <= 4
            {
                date = match.date
                end = sentence.index(numberEnd, offsetBy: tail.distance(from: tail.startIndex, to: match.range.upperBound))
            }
            let startIndex = words.isEmpty ? nr.lowerBound : sentence.index(nr.lowerBound, offsetBy: -(typeWord.count + 1), limitedBy: sentence.startIndex) ?? nr.lowerBound
            if !number.isEmpty {
                result.append(
                    InstrumentReference(
                        type: type, number: number, date: date,
                        text: String(sentence[startIndex..<end]).trimmingCharacters(in: .whitespaces)))
            }
            search = end..<sentence.endIndex
        }
        return result
    }
}
