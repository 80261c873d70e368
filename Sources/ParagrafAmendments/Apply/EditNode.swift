import Paragraf

/// A provision of the act being amended: what ``Provision`` holds, plus a serial that stays with the node
/// through renumbering and its number in the base version (`original`, nil for inserted nodes).
///
/// Instructions address provisions by their numbers in the base (Danish drafting practice: "I § 15, stk. 3,
/// som bliver stk. 4, …" names stk. 3), so lookups try `original` first and the current `number` second.
struct EditNode: Sendable {
    var serial: Int
    var kind: NodeKind
    var number: String?
    var original: String?
    var label: String?
    /// True when `number` changed, so the label is made from the number.
    var labelStale = false
    var title: String?
    var text: String?
    var isRepealed: Bool
    var children: [EditNode]

    /// A base node (and its children, unless `withChildren` is false), with serials from `next`.
    init(_ node: Node, next: inout Int, withChildren: Bool = true) {
        serial = next
        next += 1
        kind = node.kind
        number = node.number
        original = node.number
        label = node.label
        title = node.title
        text = node.text
        isRepealed = node.isRepealed
        var children: [EditNode] = []
        if withChildren {
            children.reserveCapacity(node.children.count)
            for child in node.children { children.append(EditNode(child, next: &next)) }
        }
        self.children = children
    }

    /// A new node from quoted text (no original number).
    init(_ provision: Provision, next: inout Int) {
        serial = next
        next += 1
        kind = provision.kind
        number = provision.number
        original = nil
        label = provision.label
        title = provision.title
        text = provision.text
        isRepealed = provision.isRepealed
        children = provision.children.map { EditNode($0, next: &next) }
    }

    /// A leaf or container made here.
    init(serial: Int, kind: NodeKind, number: String?, text: String? = nil, children: [EditNode] = []) {
        self.serial = serial
        self.kind = kind
        self.number = number
        self.original = nil
        self.text = text
        self.isRepealed = false
        self.children = children
    }

    /// The provision (for comparisons and output).
    var provision: Provision {
        Provision(
            kind: kind, number: number, label: currentLabel, title: title, text: text, isRepealed: isRepealed,
            children: children.map(\.provision))
    }

    /// The label as it reads now: as written unless the number changed.
    var currentLabel: String? {
        if !labelStale, let label { return label }
        guard let number else { return label }
        switch kind {
        case .section: return "§ \(number)."
        case .subsection: return label == nil && number == "1" ? nil : "Stk. \(number)."
        case .item: return number.replacingSpaces + ")"
        case .chapter: return "Kapitel \(number)"
        case .annex: return "Bilag \(number)"
        default: return label
        }
    }

    /// Sets a new number; the label follows.
    mutating func renumber(_ new: String) {
        guard new != number else { return }
        number = new
        labelStale = true
    }

    /// Whether the node answers to `number`, in the base numbering (`original`) or, for `current`, now.
    func answers(_ number: String, current: Bool) -> Bool {
        let value = current ? self.number : original
        guard let value else { return false }
        return Self.key(value) == Self.key(number)
    }

    /// "53 a", "53a", "53 A" → "53a".
    static func key(_ number: String) -> String { number.lowercased().replacingSpaces }

    /// The index of the child of `kind` numbered `number`: in the base numbering first, then a node inserted
    /// by an earlier instruction, then any node numbered so now.
    func childIndex(_ kind: NodeKind, _ number: String) -> Int? {
        children.firstIndex { $0.kind == kind && $0.answers(number, current: false) }
            ?? children.firstIndex { $0.kind == kind && $0.original == nil && $0.answers(number, current: true) }
            ?? children.firstIndex { $0.kind == kind && $0.answers(number, current: true) }
    }

    /// The sentences' indices among the children.
    var sentenceIndices: [Int] { children.indices.filter { children[$0].kind == .sentence } }

    /// Every leaf text of the subtree, for messages.
    var displayText: String { provision.displayText }

    /// Calls `body` with every node of the subtree.
    func forEach(_ body: (EditNode) -> Void) {
        body(self)
        for child in children { child.forEach(body) }
    }
}

extension String {
    /// Without spaces.
    var replacingSpaces: String { String(filter { $0 != " " }) }
}
