import Paragraf

/// Writes an amended act as plain text in the layout ``PlainTextFormatter`` uses (one heading, stk. or item a
/// line, "§ N." followed by its first stk.), plus the heading of a group of §§ on the line before its first §,
/// so that the text parser reads the result back into the same structure.
enum ActRenderer {
    static func render(_ act: EditableAct) -> String {
        var out = ""
        for node in act.front { leaf(node, into: &out) }
        for entry in act.ordered { render(entry, into: &out) }
        for node in act.back { render(node, into: &out) }
        return out
    }

    static func render(_ node: EditNode, into out: inout String) {
        switch node.kind {
        case .part, .chapter, .annex:
            line([node.currentLabel, node.title].compactMap { $0 }.joined(separator: " "), into: &out)
            for child in node.children { render(child, into: &out) }
        case .section:
            section(node, into: &out)
        case .subsection, .item:
            container(node, prefix: node.currentLabel ?? "", into: &out)
        default:
            leaf(node, into: &out)
        }
    }

    static func leaf(_ node: EditNode, into out: inout String) {
        if let text = node.text { line(text, into: &out) }
        for child in node.children { render(child, into: &out) }
    }

    static func section(_ node: EditNode, into out: inout String) {
        if let title = node.title { line(title, into: &out) }
        var first = node.currentLabel ?? "§ \(node.number ?? "")."
        var rest = node.children[...]
        if let stk = rest.first, stk.kind == .subsection, stk.currentLabel == nil {
            rest = rest.dropFirst()
            container(stk, prefix: first, into: &out)
            first = ""
        }
        if !first.isEmpty { line(first, into: &out) }
        for child in rest { render(child, into: &out) }
    }

    /// A stk. or item: its label and sentences on one line, then its items.
    static func container(_ node: EditNode, prefix: String, into out: inout String) {
        var text = prefix
        var index = node.children.startIndex
        while index < node.children.endIndex, node.children[index].kind == .sentence {
            if let sentence = node.children[index].text, !sentence.isEmpty {
                if !text.isEmpty { text += " " }
                text += sentence
            }
            index += 1
        }
        line(text, into: &out)
        for child in node.children[index...] { render(child, into: &out) }
    }

    static func line(_ text: String, into out: inout String) {
        guard !text.isEmpty else { return }
        out += text
        out += "\n"
    }
}
