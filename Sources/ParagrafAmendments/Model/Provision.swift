import Paragraf

/// A provision of the amended act as a plain value: kind, number, label, title, text and children, without
/// ids or source ranges.
///
/// Quoted new text is read into provisions (a § with its stk., a stk. with its sentences and items, …), and
/// the comparison of an applied act with a consolidation works on them, whatever reader made the tree.
public struct Provision: Codable, Hashable, Sendable {
    /// What the provision is.
    public var kind: NodeKind
    /// The normalized number: "53 a", "3", "b".
    public var number: String?
    /// The label as written: "§ 53 a.", "Stk. 3.", "2)".
    public var label: String?
    /// The heading of a chapter (or of a § that opens a group of §§).
    public var title: String?
    /// The text of a leaf (sentence, title, preamble, block), whitespace normalized.
    public var text: String?
    /// True for a provision marked "(Ophævet)".
    public var isRepealed: Bool
    /// The children in document order.
    public var children: [Provision]

    /// Creates a provision.
    public init(
        kind: NodeKind, number: String? = nil, label: String? = nil, title: String? = nil, text: String? = nil,
        isRepealed: Bool = false, children: [Provision] = []
    ) {
        self.kind = kind
        self.number = number
        self.label = label
        self.title = title
        self.text = text
        self.isRepealed = isRepealed
        self.children = children
    }

    /// The provision of a parsed node, with all its descendants.
    public init(_ node: Node) {
        self.init(
            kind: node.kind, number: node.number, label: node.label, title: node.title, text: node.text,
            isRepealed: node.isRepealed, children: node.children.map(Provision.init))
    }

    /// The text as a reader sees it: labels of descendants ("Stk. 2.", "1)") included, single spaces.
    public var displayText: String {
        var parts: [String] = []
        collect(into: &parts, labels: false)
        return parts.joined(separator: " ")
    }

    private func collect(into parts: inout [String], labels: Bool) {
        if labels, let label { parts.append(label) }
        if let text, !text.isEmpty { parts.append(text) }
        for child in children { child.collect(into: &parts, labels: true) }
    }

    /// "§ 53 a", "stk. 3", "nr. 2", "2. pkt.".
    public var citation: String {
        switch kind {
        case .section: "§ \(number ?? "?")"
        case .subsection: "stk. \(number ?? "?")"
        case .item: (number?.first?.isLetter ?? false) ? "litra \(number ?? "?")" : "nr. \(number ?? "?")"
        case .sentence: "\(number ?? "?"). pkt."
        case .chapter: "kapitel \(number ?? "?")"
        case .annex: "bilag \(number ?? "?")"
        default: kind.rawValue
        }
    }
}
