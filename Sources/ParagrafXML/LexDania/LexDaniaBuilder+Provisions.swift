import Foundation
import Paragraf

/// Headings and provisions: parts, chapters, sections, subsections, items and amending items.
extension LexDaniaBuilder {
    // MARK: Headings

    mutating func labelOf(_ element: XMLElement) -> (String, SourceRange)? {
        guard let explicatus = element.first("Explicatus") else { return nil }
        let text = Bytes.normalized(explicatus.textContent)
        guard !text.isEmpty else { return nil }
        let r = locator.locate(explicatus.textContent, line: explicatus.line) ?? locator.lineRange(explicatus.line)
        return (text, source.range(r.lowerBound, r.upperBound))
    }

    mutating func titleOf(_ element: XMLElement) -> (String, SourceRange?)? {
        guard let rubrica = element.first("Rubrica") else { return nil }
        let pieces = textPieces(rubrica, includeLabels: true)
        let text = Bytes.normalized(pieces.map(\.text).joined())
        return text.isEmpty ? nil : (text, pieceRange(pieces))
    }

    mutating func part(_ element: XMLElement) -> Node {
        let label = labelOf(element)
        let number = label.map { Self.number(in: $0.0, dropping: ["Afsnit", "AFSNIT"]) } ?? "\(element.attribute("localId") ?? "")"
        let title = titleOf(element)
        let children = body(element.elements)
        return container(
            .part, id: uniqueID(.part(number), under: nil, line: element.line),
            label: label, number: number, title: title, children: children, line: element.line)
    }

    mutating func chapter(_ element: XMLElement) -> Node {
        let label = labelOf(element)
        let number = Self.chapterNumber(label: label?.0, localId: element.attribute("localId"))
        let title = titleOf(element)
        let children = body(element.elements)
        return container(
            .chapter, id: uniqueID(.chapter(number), under: nil, line: element.line),
            label: label, number: number, title: title, children: children, line: element.line)
    }

    // MARK: Sections

    /// A `Paragraf`: one section, or one per § of a range or list ("§§ 28-30. (Ophævet)" is § 28, labelled and
    /// numbered "28-30", then empty §§ 29 and 30), as the text parser gives it.
    mutating func sections(_ element: XMLElement) -> [Node] {
        let label = labelOf(element)
        let read = label.flatMap { NumberForms.sectionLabel($0.0) }
        let number = read?.number ?? label.map { Self.number(in: $0.0, dropping: ["§"]) } ?? (element.attribute("localId") ?? "?")
        let id = uniqueID(.section(read?.first.description ?? number), under: nil, line: element.line)
        let node = section(element, label: label, number: number, id: id)
        guard let read, read.last != nil else { return [node] }
        let at = node.range.end.offset
        // Bounded by the file's size, as in the text parser: beyond it a range is its two ends.
        return [node]
            + rangeBudget.sections(of: read).dropFirst().map { other in
                Node(
                    kind: .section, id: uniqueID(.section(other.description), under: nil, line: element.line),
                    number: other.description, range: source.range(at, at), isRepealed: node.isRepealed)
            }
    }

    mutating func section(_ element: XMLElement, label: (String, SourceRange)?, number: String, id: NodeID) -> Node {
        var children: [Node] = []
        let stks = element.elements("Stk")
        if stks.isEmpty {
            // An amending act's § holds its text and change numbers directly: one implicit stk.
            let content = element.elements.filter { $0.name != "Explicatus" && $0.name != "Rubrica" }
            children.append(subsection(content, id: ids.sequential(.subsection(1), under: id), number: "1", label: nil, line: element.line))
        } else {
            var count = 0
            for stk in stks {
                let stkLabel = labelOf(stk)
                count += 1
                var value = count
                if let stkLabel, let v = Int(Self.number(in: stkLabel.0, dropping: ["Stk", "stk"])) { value = v }
                count = value
                children.append(
                    subsection(
                        stk.elements.filter { $0.name != "Explicatus" }, id: uniqueID(.subsection(value), under: id, line: stk.line),
                        number: "\(value)", label: stkLabel, line: stk.line))
            }
        }
        var node = container(
            .section, id: id, label: label, number: number, title: nil, children: children, line: element.line)
        let text = node.plainText.lowercased()
        node.isRepealed = text.hasPrefix("(ophævet)") && text.count < 40
        return node
    }

    mutating func subsection(_ content: [XMLElement], id: NodeID, number: String, label: (String, SourceRange)?, line: Int)
        -> Node
    {
        var children: [Node] = []
        var sentences = 0
        var pending: [TextPiece] = []
        var itemCount = 0
        flow(content, ownerID: id, children: &children, sentences: &sentences, pending: &pending, items: &itemCount, nested: false)
        flushSentences(&pending, ownerID: id, children: &children, sentences: &sentences, line: line)
        return container(.subsection, id: id, label: label, number: number, title: nil, children: children, line: line)
    }

    /// Walks the content of a stk. or item: text becomes sentences, `Index` items, `Nota` notes.
    mutating func flow(
        _ elements: [XMLElement], ownerID: NodeID, children: inout [Node], sentences: inout Int,
        pending: inout [TextPiece], items: inout Int, nested: Bool
    ) {
        for element in elements {
            switch element.name {
            case "Exitus":
                flow(
                    element.elements, ownerID: ownerID, children: &children, sentences: &sentences, pending: &pending, items: &items,
                    nested: nested)
            case "Linea":
                if !pending.isEmpty { pending.append(TextPiece(text: " ", range: nil)) }
                pending += textPieces(element, includeLabels: true)
            case "Index":
                flushSentences(&pending, ownerID: ownerID, children: &children, sentences: &sentences, line: element.line)
                for indentatio in element.elements where indentatio.name == "Indentatio" {
                    items += 1
                    children.append(item(indentatio, parentID: ownerID, ordinal: items, nested: nested))
                }
            case "AendringsNummer":
                flushSentences(&pending, ownerID: ownerID, children: &children, sentences: &sentences, line: element.line)
                items += 1
                children.append(amendmentItem(element, parentID: ownerID, ordinal: items))
            case "Nota":
                footnote(element, anchor: ownerID)
            case "Explicatus":
                continue
            default:
                if !pending.isEmpty { pending.append(TextPiece(text: " ", range: nil)) }
                pending += textPieces(element, includeLabels: true)
            }
        }
    }

    mutating func item(_ element: XMLElement, parentID: NodeID, ordinal: Int, nested: Bool) -> Node {
        let label = labelOf(element)
        var number = label.map { Self.itemNumber($0.0) } ?? "\(ordinal)"
        if number.isEmpty { number = "\(ordinal)" }
        let id = uniqueID(nested ? .litra(number) : .item(number), under: parentID, line: element.line)
        var children: [Node] = []
        var sentences = 0
        var pending: [TextPiece] = []
        var items = 0
        flow(
            element.elements.filter { $0.name != "Explicatus" }, ownerID: id, children: &children, sentences: &sentences,
            pending: &pending, items: &items, nested: true)
        flushSentences(&pending, ownerID: id, children: &children, sentences: &sentences, line: element.line)
        return container(.item, id: id, label: label, number: number, title: nil, children: children, line: element.line)
    }

    /// "1. Efter § 53 indsættes: »§ 53 a. …«": the instruction's sentences, then the quoted new text as
    /// one sentence (its own "Stk. 2." and periods are part of the quotation, not sentence breaks).
    mutating func amendmentItem(_ element: XMLElement, parentID: NodeID, ordinal: Int) -> Node {
        let label = labelOf(element)
        var number = label.map { Self.itemNumber($0.0) } ?? "\(ordinal)"
        if number.isEmpty { number = "\(ordinal)" }
        let id = uniqueID(.item(number), under: parentID, line: element.line)
        var children: [Node] = []
        var sentences = 0
        var pending: [TextPiece] = []
        collectAmendment(
            element.elements.filter { $0.name != "Explicatus" }, pending: &pending, children: &children,
            sentences: &sentences, anchor: id, line: element.line)
        flushSentences(&pending, ownerID: id, children: &children, sentences: &sentences, line: element.line)
        return container(.item, id: id, label: label, number: number, title: nil, children: children, line: element.line)
    }

    mutating func collectAmendment(
        _ elements: [XMLElement], pending: inout [TextPiece], children: inout [Node], sentences: inout Int,
        anchor: NodeID, line: Int
    ) {
        for element in elements {
            switch element.name {
            case "AendringNyTekst":
                let inner = textPieces(element, includeLabels: true)
                let quoted = Bytes.normalized(inner.map(\.text).joined())
                guard !quoted.isEmpty else { continue }
                flushSentences(&pending, ownerID: anchor, children: &children, sentences: &sentences, line: line)
                sentences += 1
                let text = quoted.hasPrefix("»") ? quoted : "»" + quoted + "«"
                let range =
                    pieceRange(inner)
                    ?? {
                        let r = locator.lineRange(element.line)
                        return source.range(r.lowerBound, r.upperBound)
                    }()
                children.append(
                    Node(
                        kind: .sentence, id: uniqueID(.sentence(sentences), under: anchor, line: element.line),
                        number: "\(sentences)", text: text, range: range))
            case "Nota":
                footnote(element, anchor: anchor)
            case "Linea", "Explicatus":
                if !pending.isEmpty { pending.append(TextPiece(text: " ", range: nil)) }
                pending += textPieces(element, includeLabels: true)
            default:
                collectAmendment(
                    element.elements, pending: &pending, children: &children, sentences: &sentences, anchor: anchor,
                    line: element.line)
            }
        }
    }

}
