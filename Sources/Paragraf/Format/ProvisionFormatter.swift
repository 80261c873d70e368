/// Renders a provision (a §, stk., item, chapter, annex …) as a reader sees it in the printed text:
/// labels in front, each stk. and item on its own line, items indented.
public struct ProvisionFormatter: Sendable {
    /// Creates a formatter.
    public init() {}

    /// The text of `node` with its labels, one stk. or item per line.
    public func format(_ node: Node) -> String {
        var lines: [String] = []
        render(node, depth: 0, into: &lines)
        return lines.joined(separator: "\n")
    }

    private func render(_ node: Node, depth: Int, into lines: inout [String]) {
        let indent = String(repeating: "    ", count: max(0, depth))
        switch node.kind {
        case .document:
            for child in node.children { render(child, depth: 0, into: &lines) }
        case .chapter, .part, .annex:
            lines.append([node.label, node.title].compactMap { $0 }.joined(separator: " "))
            for child in node.children { render(child, depth: 0, into: &lines) }
        case .section:
            var first = true
            for child in node.children {
                if first, child.kind == .subsection, child.label == nil {
                    var sub: [String] = []
                    render(child, depth: depth, into: &sub)
                    if let head = sub.first {
                        lines.append(indent + [node.label ?? node.citationLabel, head.trimmingLeadingSpaces()].joined(separator: " "))
                        lines.append(contentsOf: sub.dropFirst())
                    } else {
                        lines.append(indent + (node.label ?? node.citationLabel))
                    }
                } else {
                    render(child, depth: depth, into: &lines)
                }
                first = false
            }
            if node.children.isEmpty {
                lines.append(indent + (node.label ?? node.citationLabel) + (node.isRepealed ? " (Ophævet)" : ""))
            }
        case .subsection, .item:
            let sentences = node.children.filter { $0.kind == .sentence }.compactMap(\.text)
            let head = ([node.label].compactMap { $0 } + sentences).joined(separator: " ")
            let nested = node.kind == .item ? depth + 1 : depth
            lines.append(String(repeating: "    ", count: node.kind == .item ? nested : depth) + head)
            for child in node.children where child.kind != .sentence { render(child, depth: nested, into: &lines) }
        default:
            if let text = node.text { lines.append(indent + text) }
            for child in node.children { render(child, depth: depth, into: &lines) }
        }
    }
}

extension String {
    func trimmingLeadingSpaces() -> String {
        String(drop { $0 == " " })
    }
}
