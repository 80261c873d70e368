import Paragraf

/// Writes a ``Document`` as one standalone, accessible HTML page: a table of contents, every provision
/// with an anchor (its Akoma Ntoso eId, e.g. `#chp_4__sec_17__subsec_3`) and a self-link on its label,
/// citations as links, footnotes at the end. No scripts, no external resources.
public struct HTMLExporter: Sendable {
    /// Citations to link, by leaf node id (hrefs as for ``AkomaNtosoExporter``: `#eId` or an external URI).
    public var links: [NodeID: [InlineLink]]

    /// Creates an exporter.
    public init(links: [NodeID: [InlineLink]] = [:]) { self.links = links }

    static let style = """
        body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
        header p{color:#444;margin:.2rem 0}nav ol{padding-left:1.2rem}
        h2{margin-top:2rem}section.section{margin:1rem 0}a.label{color:inherit;text-decoration:none;font-weight:bold}
        a.label:hover,a.label:focus{text-decoration:underline}div.subsection,div.point{margin:.3rem 0 .3rem 1.2rem}
        .repealed{color:#666;font-style:italic}footer{margin-top:3rem;border-top:1px solid #ccc;font-size:.9rem}
        """

    /// The page.
    public func export(_ document: Document) -> String {
        let m = document.metadata
        let eIds = AkomaNtosoNaming.eIds(of: document)
        let title = m.title ?? document.root.children.first { $0.kind == .title }?.text ?? document.sourceName
        var w = XMLWriter()
        w.raw("<!DOCTYPE html>\n")
        w.open("html", [("lang", "da")])
        w.open("head")
        w.empty("meta", [("charset", "utf-8")])
        w.empty("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        w.leaf("title", text: title)
        w.leaf("style", markup: Self.style)
        w.close()
        w.open("body")
        w.leaf("a", [("href", "#main"), ("class", "skip")], text: "Gå til teksten")
        w.open("header")
        w.leaf("h1", text: title)
        var facts: [String] = []
        if m.documentType != .unknown { facts.append(m.documentType.abbreviation + (m.number.map { " nr. \($0)" } ?? "")) }
        if let ministry = m.ministry { facts.append(ministry) }
        if let signed = m.signingDate { facts.append("underskrevet \(signed.danish)") }
        if let inForce = m.inForceDate { facts.append("i kraft \(inForce.danish)") }
        if !facts.isEmpty { w.leaf("p", text: facts.joined(separator: " · ")) }
        if let eli = m.eli {
            w.leaf("p", markup: "ELI: <a href=\"\(XMLWriter.escape(eli, attribute: true))\">\(XMLWriter.escape(eli))</a>")
        }
        w.close()
        let tocEntries = document.root.all(.chapter) + document.root.all(.annex)
        if !tocEntries.isEmpty {
            w.open("nav", [("aria-label", "Indholdsfortegnelse")])
            w.leaf("h2", text: "Indhold")
            w.open("ol")
            for node in document.root.children where node.kind == .chapter || node.kind == .annex || node.kind == .part {
                let text = [node.label, node.title].compactMap { $0 }.joined(separator: " ")
                w.leaf("li", markup: "<a href=\"#\(XMLWriter.escape(eIds[node.id] ?? "", attribute: true))\">\(XMLWriter.escape(text))</a>")
            }
            w.close()
            w.close()
        }
        w.open("main", [("id", "main")])
        for node in document.root.children { write(&w, node, eIds: eIds, level: 2) }
        w.close()
        let footnotes = m.notes ?? []
        if !footnotes.isEmpty {
            w.open("footer")
            w.leaf("h2", text: "Noter")
            w.open("ol")
            for note in footnotes {
                let marker = note.marker.map { XMLWriter.escape($0) + " " } ?? ""
                let back = note.anchor.flatMap { eIds[$0] }.map { " <a href=\"#\($0)\">↩</a>" } ?? ""
                w.leaf("li", markup: marker + XMLWriter.escape(note.text) + back)
            }
            w.close()
            w.close()
        }
        w.close()
        w.close()
        return w.output
    }

    func write(_ w: inout XMLWriter, _ node: Node, eIds: [NodeID: String], level: Int) {
        let eId = eIds[node.id] ?? node.id.description
        switch node.kind {
        case .title:
            return  // shown in the header
        case .preamble, .signature, .unplaced, .block:
            w.leaf("p", [("id", eId), ("class", node.kind.rawValue)], markup: inline(node))
        case .sentence:
            return  // written by the container
        case .part, .chapter, .annex:
            w.open("section", [("id", eId), ("class", node.kind.rawValue), ("aria-labelledby", eId + "-h")])
            let heading = [node.label, node.title].compactMap { $0 }.joined(separator: " · ")
            w.leaf(
                "h\(min(level, 6))", [("id", eId + "-h")], markup: "<a class=\"label\" href=\"#\(eId)\">\(XMLWriter.escape(heading))</a>")
            for child in node.children { write(&w, child, eIds: eIds, level: level + 1) }
            w.close()
        case .section, .subsection, .item:
            let tag = node.kind == .section ? "section" : "div"
            let cls = node.kind == .item ? "point" : node.kind.rawValue
            w.open(tag, [("id", eId), ("class", cls + (node.isRepealed ? " repealed" : ""))])
            if node.kind == .section, let title = node.title {
                w.leaf("h\(min(level, 6))", text: title)
            }
            let label =
                node.label.map {
                    "<a class=\"label\" href=\"#\(eId)\" aria-label=\"\(XMLWriter.escape(node.citationLabel, attribute: true))\">\(XMLWriter.escape($0))</a> "
                } ?? ""
            var pending: [Node] = []
            var wroteLabel = false
            func flush(_ w: inout XMLWriter) {
                guard !pending.isEmpty || (!wroteLabel && !label.isEmpty && node.children.isEmpty) else { return }
                let text = pending.map { "<span id=\"\(eIds[$0.id] ?? $0.id.description)\">\(inline($0))</span>" }.joined(separator: " ")
                w.leaf("p", markup: (wroteLabel ? "" : label) + text)
                wroteLabel = true
                pending = []
            }
            for child in node.children {
                if child.kind == .sentence {
                    pending.append(child)
                } else {
                    if !wroteLabel && !label.isEmpty && pending.isEmpty && child.kind == .subsection {
                        // "§ 1." stands before the first stk.'s text.
                        w.leaf("p", [("class", "num")], markup: label)
                        wroteLabel = true
                    }
                    flush(&w)
                    write(&w, child, eIds: eIds, level: level + 1)
                }
            }
            flush(&w)
            if node.children.isEmpty && !wroteLabel && !label.isEmpty { w.leaf("p", markup: label + (node.isRepealed ? "(Ophævet)" : "")) }
            w.close()
        case .document:
            for child in node.children { write(&w, child, eIds: eIds, level: level) }
        }
    }

    func inline(_ node: Node) -> String {
        InlineLink.markUp(node.text ?? node.plainText, links: links[node.id] ?? [], element: "a")
    }
}
