/// Renders a document back to plain regulation text, in the clean layout of a current
/// bekendtgørelse: one heading or subsection per line, "§ N." followed by the text of its first
/// stk., items on lines of their own, annex blocks one per line.
///
/// Parsing the rendered text gives a tree that is content-equal (``Node/isContentEqual(to:)``) to
/// the one rendered: the round-trip property the test suite checks on the corpus. Whitespace and
/// line breaks of the source are not kept (leaf texts are whitespace-normalized), and the empty
/// sections a range heading ("§§ 28-30.") stands for are written once, as that heading.
public struct PlainTextFormatter: Sendable {
    /// Creates a formatter.
    public init() {}

    /// The text of `document`, ending with a line feed.
    /// - Complexity: O(n) in the size of the tree's text.
    public func format(_ document: Document) -> String {
        var out = ""
        for child in document.root.children { append(child, to: &out) }
        return out
    }

    private func append(_ node: Node, to out: inout String) {
        switch node.kind {
        case .document:
            for child in node.children { append(child, to: &out) }
        case .title, .preamble, .signature, .unplaced, .block, .sentence:
            // Leaves that stand on a line of their own (a sentence only here when it has no container).
            line(node.text ?? "", to: &out)
        case .part, .chapter, .annex:
            line(heading(node), to: &out)
            for child in node.children { append(child, to: &out) }
        case .section:
            // The later sections of a range heading have no label; the first one's label covers them.
            guard let label = node.label else { return }
            var first = label
            var rest = node.children[...]
            if let stk = rest.first, stk.kind == .subsection, stk.label == nil {
                rest = rest.dropFirst()
                appendSubsection(stk, prefix: first, to: &out)
                first = ""
            }
            if !first.isEmpty { line(first, to: &out) }
            for child in rest { append(child, to: &out) }
        case .subsection, .item:
            appendSubsection(node, prefix: node.label ?? "", to: &out)
        }
    }

    /// A subsection or item: its label and sentences on one line, then its items and litras.
    private func appendSubsection(_ node: Node, prefix: String, to out: inout String) {
        var text = prefix
        var index = node.children.startIndex
        while index < node.children.endIndex, node.children[index].kind == .sentence {
            let sentence = node.children[index].text ?? ""
            if !sentence.isEmpty {
                if !text.isEmpty { text += " " }
                text += sentence
            }
            index += 1
        }
        if !text.isEmpty { line(text, to: &out) }
        for child in node.children[index...] { append(child, to: &out) }
    }

    private func heading(_ node: Node) -> String {
        switch (node.label, node.title) {
        case (let label?, let title?): return label + " " + title
        case (let label?, nil): return label
        case (nil, let title?): return title
        case (nil, nil): return ""
        }
    }

    private func line(_ text: String, to out: inout String) {
        guard !text.isEmpty else { return }
        out += text
        out += "\n"
    }
}
