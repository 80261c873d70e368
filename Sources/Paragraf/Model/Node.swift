/// One node of a regulation's tree: its kind, stable id, label, number, text and source range.
///
/// Leaves (sentences, blocks, the title, preamble, signature and unplaced text) carry `text`;
/// containers carry `children` and give their text through ``plainText``. A node's `label` and
/// `title` have their own ranges, so that every non-whitespace byte of the input lies in exactly one
/// *atom*: a leaf, a label or a title (the `num` and `heading` of Akoma Ntoso).
public struct Node: Codable, Hashable, Sendable, Identifiable {
    /// What the node is.
    public var kind: NodeKind
    /// True for a provision marked "(Ophævet)".
    public var isRepealed: Bool
    /// Stable id derived from the legal address, e.g. `p17/stk3/nr2`; equal addresses in two
    /// versions give equal ids.
    public var id: NodeID
    /// The normalized number: "17", "4 a", "3", "b", "IV".
    public var number: String?
    /// The whitespace-normalized text of a leaf.
    public var text: String?
    /// The bytes the node spans, label and children included.
    public var range: SourceRange
    /// The child nodes in document order.
    public var children: [Node]
    /// Label, title and their ranges, boxed: most nodes (sentences) have none, and a node inline is
    /// copied into its parent's array and walked by every traversal (256 bytes inline before, 104 now).
    /// Nil when all four are nil.
    private var heading: HeadingBox?

    /// The marker as written, whitespace normalized: "§ 17.", "Stk. 3.", "1)", "Kapitel 5", "Bilag 1".
    public var label: String? {
        get { heading?.label }
        set { updateHeading { $0.label = newValue } }
    }

    /// The heading of a chapter, part or annex.
    public var title: String? {
        get { heading?.titled?.title }
        set { updateHeading { $0.title = newValue } }
    }

    /// The bytes of `label`.
    public var labelRange: SourceRange? {
        get { heading?.labelRange }
        set { updateHeading { $0.labelRange = newValue } }
    }

    /// The bytes of `title`.
    public var titleRange: SourceRange? {
        get { heading?.titled?.titleRange }
        set { updateHeading { $0.titleRange = newValue } }
    }

    /// Creates a node.
    public init(
        kind: NodeKind, id: NodeID, label: String? = nil, number: String? = nil, title: String? = nil,
        text: String? = nil, range: SourceRange, labelRange: SourceRange? = nil, titleRange: SourceRange? = nil,
        isRepealed: Bool = false, children: [Node] = []
    ) {
        self.kind = kind
        self.id = id
        self.number = number
        self.text = text
        self.range = range
        self.isRepealed = isRepealed
        self.children = children
        self.heading = HeadingBox.boxing(Heading(label: label, title: title, labelRange: labelRange, titleRange: titleRange))
    }

    /// The fields most nodes lack.
    struct Heading: Hashable, Sendable {
        var label: String?
        var title: String?
        var labelRange: SourceRange?
        var titleRange: SourceRange?

        var isEmpty: Bool { label == nil && title == nil && labelRange == nil && titleRange == nil }
    }

    /// An immutable box: a node's copies share it, and a setter replaces it. Most containers have a label
    /// and no title (stk., items): the title has a box of its own, so that theirs is 80 bytes, not 128.
    final class HeadingBox: Sendable {
        let label: String?
        let labelRange: SourceRange?
        let titled: TitleBox?

        init(_ value: Heading) {
            label = value.label
            labelRange = value.labelRange
            titled = value.title == nil && value.titleRange == nil ? nil : TitleBox(title: value.title, titleRange: value.titleRange)
        }

        var value: Heading { Heading(label: label, title: titled?.title, labelRange: labelRange, titleRange: titled?.titleRange) }

        /// A box for `value`, or nil when it is empty (so that equal nodes are stored alike). Not a failable
        /// initializer: that allocates the object before it can return nil, once for every leaf.
        static func boxing(_ value: Heading) -> HeadingBox? { value.isEmpty ? nil : HeadingBox(value) }
    }

    /// A title and its range.
    final class TitleBox: Sendable {
        let title: String?
        let titleRange: SourceRange?

        init(title: String?, titleRange: SourceRange?) {
            self.title = title
            self.titleRange = titleRange
        }
    }

    private mutating func updateHeading(_ body: (inout Heading) -> Void) {
        var value = heading?.value ?? Heading()
        body(&value)
        heading = HeadingBox.boxing(value)
    }

    public static func == (lhs: Node, rhs: Node) -> Bool {
        lhs.kind == rhs.kind && lhs.id == rhs.id && lhs.number == rhs.number && lhs.text == rhs.text
            && lhs.range == rhs.range && lhs.isRepealed == rhs.isRepealed
            && (lhs.heading === rhs.heading || lhs.heading?.value == rhs.heading?.value)
            && lhs.children == rhs.children
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(id)
        hasher.combine(label)
        hasher.combine(number)
        hasher.combine(title)
        hasher.combine(text)
        hasher.combine(range)
        hasher.combine(labelRange)
        hasher.combine(titleRange)
        hasher.combine(isRepealed)
        hasher.combine(children)
    }

    private enum CodingKeys: String, CodingKey {
        case kind, id, label, number, title, text, range, labelRange, titleRange, isRepealed, children
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try c.decode(NodeKind.self, forKey: .kind), id: try c.decode(NodeID.self, forKey: .id),
            label: try c.decodeIfPresent(String.self, forKey: .label),
            number: try c.decodeIfPresent(String.self, forKey: .number),
            title: try c.decodeIfPresent(String.self, forKey: .title),
            text: try c.decodeIfPresent(String.self, forKey: .text), range: try c.decode(SourceRange.self, forKey: .range),
            labelRange: try c.decodeIfPresent(SourceRange.self, forKey: .labelRange),
            titleRange: try c.decodeIfPresent(SourceRange.self, forKey: .titleRange),
            isRepealed: try c.decodeIfPresent(Bool.self, forKey: .isRepealed) ?? false,
            children: try c.decodeIfPresent([Node].self, forKey: .children) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(label, forKey: .label)
        try c.encodeIfPresent(number, forKey: .number)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(text, forKey: .text)
        try c.encode(range, forKey: .range)
        try c.encodeIfPresent(labelRange, forKey: .labelRange)
        try c.encodeIfPresent(titleRange, forKey: .titleRange)
        if isRepealed { try c.encode(true, forKey: .isRepealed) }
        if !children.isEmpty { try c.encode(children, forKey: .children) }
    }

    /// The node's text and its descendants' text, joined by single spaces; labels excluded.
    public var plainText: String {
        if let text { return text }
        var parts: [String] = []
        collectText(into: &parts, includeLabels: false)
        return parts.joined(separator: " ")
    }

    /// The text with the labels of descendants ("Stk. 2.", "1)") as a reader sees it.
    public var displayText: String {
        if let text { return text }
        var parts: [String] = []
        for child in children { child.collectText(into: &parts, includeLabels: true) }
        return parts.joined(separator: " ")
    }

    private func collectText(into parts: inout [String], includeLabels: Bool) {
        if includeLabels, let label { parts.append(label) }
        if includeLabels, let title { parts.append(title) }
        if let text { parts.append(text) }
        for child in children { child.collectText(into: &parts, includeLabels: includeLabels) }
    }

    /// Whether two nodes say the same thing: same kind, number, title, text and children, whatever
    /// their ranges and ids.
    public func isContentEqual(to other: Node) -> Bool {
        kind == other.kind && number == other.number && title == other.title && text == other.text
            && isRepealed == other.isRepealed && children.count == other.children.count
            && zip(children, other.children).allSatisfy { $0.isContentEqual(to: $1) }
    }

    /// Calls `body` for this node and every descendant, depth first, in document order.
    public func forEach(_ body: (Node) throws -> Void) rethrows {
        try body(self)
        // By index: `for child in children` copies (retains) every child on the way.
        for i in children.indices { try children[i].forEach(body) }
    }

    /// Every descendant (and this node) of `kind`, in document order.
    ///
    /// Only the matches are copied (`forEach` hands every node to its closure: 2.3 M instructions for
    /// `document.sections` of a 470 KB text).
    public func all(_ kind: NodeKind) -> [Node] {
        var result: [Node] = []
        collect(kind, into: &result)
        return result
    }

    private func collect(_ kind: NodeKind, into result: inout [Node]) {
        if self.kind == kind { result.append(self) }
        for i in children.indices { children[i].collect(kind, into: &result) }
    }

    /// The direct children of `kind`.
    public func children(_ kind: NodeKind) -> [Node] { children.filter { $0.kind == kind } }

    /// The label or a short description as a reader names it: "§ 17", "Stk. 3", "nr. 2", "2. pkt.".
    public var citationLabel: String {
        switch kind {
        case .document: return "dokument"
        case .title: return "titel"
        case .preamble: return "indledning"
        case .part: return "Afsnit \(number ?? "")"
        case .chapter: return "Kapitel \(number ?? "")"
        case .section: return "§ \(number ?? "")"
        case .subsection: return "Stk. \(number ?? "")"
        case .item: return (number?.first?.isLetter ?? false) ? "litra \(number ?? "")" : "nr. \(number ?? "")"
        case .sentence: return "\(number ?? "").\u{00A0}pkt.".replacingOccurrences(of: "\u{00A0}", with: " ")
        case .signature: return "underskrift"
        case .annex: return "Bilag \(number ?? "")"
        case .block: return "afsnit \(number ?? "")"
        case .unplaced: return "uplaceret tekst"
        }
    }
}
