import Foundation
import Paragraf

/// Notes, annexes, the signature, unknown elements, metadata, numbers and ids.
extension LexDaniaBuilder {
    // MARK: Notes, annexes, signature, unknown elements

    mutating func footnote(_ element: XMLElement, anchor: NodeID?) {
        let marker = element.first("Explicatus").map { Bytes.normalized($0.textContent) }
        let pieces = textPieces(element, includeLabels: false)
        let text = Bytes.normalized(pieces.map(\.text).joined())
        guard !text.isEmpty else { return }
        notes.append(DocumentNote(kind: .footnote, marker: marker, text: text, anchor: anchor, range: pieceRange(pieces)))
    }

    mutating func inForceNote(_ element: XMLElement) {
        var nested: [XMLElement] = []
        element.forEachElement { if $0.name == "Nota" { nested.append($0) } }
        let pieces = textPieces(element, includeLabels: true)
        let text = Bytes.normalized(pieces.map(\.text).joined())
        if !text.isEmpty {
            notes.append(DocumentNote(kind: .inForce, text: text, range: pieceRange(pieces)))
        }
        for nota in nested { footnote(nota, anchor: nil) }
    }

    mutating func annex(_ element: XMLElement) -> Node {
        let label = labelOf(element)
        let number = label.map { Self.number(in: $0.0, dropping: ["Bilag", "BILAG"]) } ?? (element.attribute("localId") ?? "1")
        let id = uniqueID(.annex(number), under: nil, line: element.line)
        let title = titleOf(element)
        var blocks: [Node] = []
        for child in element.elements where child.name != "Explicatus" && child.name != "Rubrica" {
            let pieces = textPieces(child, includeLabels: true)
            if let node = leaf(.block, step: .block(blocks.count + 1), under: id, pieces: pieces, fallbackLine: child.line) {
                var block = node
                block.number = "\(blocks.count + 1)"
                blocks.append(block)
            }
        }
        return container(.annex, id: id, label: label, number: number, title: title, children: blocks, line: element.line)
    }

    mutating func signatureNode(_ group: XMLElement?, meta: XMLElement?) -> Node? {
        var pieces: [TextPiece] = []
        var line = group?.line ?? 0
        if let group {
            for child in group.elements {
                let inner = textPieces(child, includeLabels: true)
                if inner.contains(where: { !Bytes.normalized($0.text).isEmpty }) {
                    if !pieces.isEmpty { pieces.append(TextPiece(text: " ", range: nil)) }
                    pieces += inner
                }
            }
        }
        let stated = Bytes.normalized(pieces.map(\.text).joined())
        let hasDate = DanishDates.firstDate(in: stated) != nil
        if !hasDate, let meta {
            // Retsinformation serves UnderskriftGruppe empty; the printed signature is in Meta.
            let place = meta.first("PlaceOfSignature").map { Bytes.normalized($0.textContent) }
            let ministry = meta.first("Ministry").map { Bytes.normalized($0.textContent) }
            let date = meta.first("DiesSigni").flatMap { LegalDate(Bytes.normalized($0.textContent)) }
            let signers = meta.elements("Signature").map { Bytes.normalized($0.textContent) }.filter { !$0.isEmpty }
            if let date, let who = place ?? ministry {
                var text = "\(who), den \(date.danish)"
                if !signers.isEmpty { text += " " + signers.joined(separator: " / ") }
                if !stated.isEmpty { text = stated + " " + text }
                let signatureLines = meta.elements("Signature").map(\.line) + [meta.first("DiesSigni")?.line ?? 0]
                line = signatureLines.filter { $0 > 0 }.min() ?? meta.line
                let first = locator.lineRange(line).lowerBound
                let last = locator.lineRange(signatureLines.max() ?? line).upperBound
                return Node(
                    kind: .signature, id: uniqueID(.signature, under: nil, line: line), text: text, range: source.range(first, last))
            }
        }
        if line == 0 { line = 1 }
        return leaf(.signature, step: .signature, under: nil, pieces: pieces, fallbackLine: line)
    }

    mutating func unplaced(_ element: XMLElement) -> Node? {
        let pieces = textPieces(element, includeLabels: true)
        let text = Bytes.normalized(pieces.map(\.text).joined())
        guard !text.isEmpty else { return nil }
        unplacedCount += 1
        guard let node = leaf(.unplaced, step: .unplaced(unplacedCount), under: nil, pieces: pieces, fallbackLine: element.line) else {
            return nil
        }
        diagnostics.raise(XMLDiagnostic.unknownElement(name: element.name), at: node.range)
        return node
    }

    // MARK: Metadata

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
            if title.hasPrefix("bekendtgørelse af lov") {
                m.documentType = .lovbekendtgoerelse
            } else if title.hasPrefix("bekendtgørelse") {
                m.documentType = .bekendtgoerelse
            } else if title.hasPrefix("lov ") {
                m.documentType = .lov
            }
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
            diagnostics.raise(XMLDiagnostic.noMeta, at: source.range(0, 0))
        } else if m.number == nil || m.year == nil {
            diagnostics.raise(XMLDiagnostic.noNumberOrYear, at: source.range(0, 0))
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

    // MARK: Numbers and ids

    /// "§ 53 a." → "53 a"; "Kapitel 6 a" → "6 a"; "Stk. 2." → "2".
    static func number(in label: String, dropping words: [String]) -> String {
        var s = Bytes.normalized(label)
        for w in words where s.hasPrefix(w) { s = String(s.dropFirst(w.count)) }
        s = s.trimmingCharacters(in: CharacterSet(charactersIn: " .§:"))
        return Bytes.normalized(s)
    }

    /// A chapter's number in the text parser's form: "Kapitel 4 A", "Kapitel IV", "1. kapitel" → "4 a", "4", "1";
    /// a label it cannot read keeps its text ("Kapitel" dropped), and no label gives the `localId`.
    static func chapterNumber(label: String?, localId: String?) -> String {
        guard let label else { return localId ?? "" }
        return NumberForms.chapter(label)?.number ?? number(in: label, dropping: ["Kapitel", "KAPITEL"])
    }

    /// "1)" → "1"; "a)" → "a"; "1." → "1".
    static func itemNumber(_ label: String) -> String {
        label.trimmingCharacters(in: CharacterSet(charactersIn: " .)(")).replacingOccurrences(of: " ", with: "")
    }

    /// The id of a new node `step` under `parent`, with an `X005` warning at `line` when it was given before.
    mutating func uniqueID(_ step: NodeID.Step, under parent: NodeID?, line: Int) -> NodeID {
        let allocation = ids.unique(step, under: parent)
        if let repeated = allocation.repeated {
            let r = locator.lineRange(line)
            diagnostics.raise(
                XMLDiagnostic.duplicateID(repeated: repeated, id: allocation.id), at: source.range(r.lowerBound, r.lowerBound))
        }
        return allocation.id
    }
}
