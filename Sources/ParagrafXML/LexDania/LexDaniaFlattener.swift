import Paragraf

extension LexDaniaImporter {
    /// The document as plain text laid out the way Retsinformation prints it, straight from the XML:
    /// title, preamble, "Kapitel N" and its heading on lines of their own, "§ N. text", "Stk. N. text",
    /// "1) text", an amending act's quoted new text in »…« on its own lines, then the signature.
    /// Notes (`Nota`) and amending acts' in-force provisions (`Ikraft`) are left out, as in the printed
    /// text of a version. Used to check the text parser against the XML structure.
    public static func plainText(_ root: XMLElement) -> String {
        var f = Flattener()
        if let titles = root.first("TitelGruppe") {
            for e in titles.elements { f.line(text(e)) }
        }
        if let content = root.first("DokumentIndhold") { f.walk(content.elements) }
        f.line(signatureText(root))
        return f.lines.filter { !$0.isEmpty }.joined(separator: "\n") + "\n"
    }

    static func text(_ e: XMLElement) -> String {
        var parts: [String] = []
        func visit(_ e: XMLElement) {
            for child in e.children {
                switch child {
                case .text(let t, _): parts.append(t)
                case .element(let c):
                    if c.name == "Nota" { continue }
                    if c.name == "Linea" || c.name == "Exitus" { parts.append(" ") }
                    visit(c)
                }
            }
        }
        visit(e)
        return Bytes.normalized(parts.joined())
    }

    static func signatureText(_ root: XMLElement) -> String {
        let stated = root.first("UnderskriftGruppe").map(text) ?? ""
        if DanishDates.firstDate(in: stated) != nil { return stated }
        guard let meta = root.first("Meta"),
            let date = meta.first("DiesSigni").flatMap({ LegalDate(Bytes.normalized($0.textContent)) }),
            let who = (meta.first("PlaceOfSignature") ?? meta.first("Ministry")).map({ Bytes.normalized($0.textContent) })
        else { return stated }
        let signers = meta.elements("Signature").map { Bytes.normalized($0.textContent) }.filter { !$0.isEmpty }
        let composed = "\(who), den \(date.danish)" + (signers.isEmpty ? "" : " " + signers.joined(separator: " / "))
        return stated.isEmpty ? composed : stated + "\n" + composed
    }

    struct Flattener {
        var lines: [String] = []
        var current = ""

        mutating func line(_ s: String) {
            flush()
            lines.append(s)
        }

        mutating func flush() {
            let s = Bytes.normalized(current)
            if !s.isEmpty { lines.append(s) }
            current = ""
        }

        mutating func append(_ s: String) {
            guard !s.isEmpty else { return }
            current += current.isEmpty ? s : " " + s
        }

        func label(_ e: XMLElement) -> String? {
            e.first("Explicatus").map { Bytes.normalized($0.textContent) }
        }

        mutating func walk(_ elements: [XMLElement]) {
            for e in elements {
                switch e.name {
                case "Indledning", "Hymne":
                    for x in e.elements { line(LexDaniaImporter.text(x)) }
                case "Bog", "Afsnit", "Kapitel", "ParagrafGruppe", "Del":
                    if let l = label(e) { line(l) }
                    if let r = e.first("Rubrica") { line(LexDaniaImporter.text(r)) }
                    walk(e.elements.filter { $0.name != "Explicatus" && $0.name != "Rubrica" })
                case "Paragraf", "AendringCentreretParagraf", "IkraftCentreretParagraf":
                    flush()
                    current = label(e) ?? ""
                    // "§ 1" without a period is printed centred on a line of its own (amending acts).
                    if !current.hasSuffix(".") { flush() }
                    let stks = e.elements("Stk")
                    if stks.isEmpty {
                        content(e.elements.filter { $0.name != "Explicatus" })
                    } else {
                        for (i, stk) in stks.enumerated() {
                            if i > 0 {
                                flush()
                                current = label(stk) ?? ""
                            } else if let l = label(stk) {
                                append(l)
                            }
                            content(stk.elements.filter { $0.name != "Explicatus" })
                        }
                    }
                    flush()
                case "Ikraft", "Explicatus", "Rubrica":
                    continue
                default:
                    line(LexDaniaImporter.text(e))
                }
            }
        }

        mutating func content(_ elements: [XMLElement]) {
            for e in elements {
                switch e.name {
                case "Exitus", "Aendring", "AendringDefinition", "AendringAktion", "Rykningsklausul":
                    content(e.elements)
                case "Linea":
                    append(LexDaniaImporter.text(e))
                case "Index":
                    for item in e.elements("Indentatio") {
                        flush()
                        current = label(item) ?? ""
                        content(item.elements.filter { $0.name != "Explicatus" })
                    }
                    flush()
                case "AendringsNummer":
                    flush()
                    current = label(e) ?? ""
                    content(e.elements.filter { $0.name != "Explicatus" })
                    flush()
                case "AendringNyTekst":
                    flush()
                    var quoted = Flattener()
                    quoted.walk(e.elements.filter { ["Paragraf", "Kapitel"].contains($0.name) })
                    if e.elements.contains(where: { !["Paragraf", "Kapitel"].contains($0.name) }) {
                        quoted.content(e.elements.filter { !["Paragraf", "Kapitel"].contains($0.name) })
                        quoted.flush()
                    }
                    quoted.flush()
                    var q = quoted.lines.filter { !$0.isEmpty }
                    guard !q.isEmpty else { continue }
                    if !q[0].hasPrefix("»") { q[0] = "»" + q[0] }
                    if !q[q.count - 1].hasSuffix("«") { q[q.count - 1] += "«" }
                    lines += q
                case "Stk":
                    flush()
                    current = label(e) ?? ""
                    content(e.elements.filter { $0.name != "Explicatus" })
                    flush()
                case "Nota", "Explicatus":
                    continue
                default:
                    append(LexDaniaImporter.text(e))
                }
            }
        }
    }
}
