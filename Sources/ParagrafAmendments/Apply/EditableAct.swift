import Paragraf

/// The act being amended, built from a base version's tree: the front matter (title, preamble), the body as a
/// linked list of entries (part and chapter headings, §§, stray text) and the back matter (signature, annexes).
///
/// The body is a doubly linked list keyed by serial, with the §§ and chapters also found by number (in the
/// base numbering and now), so that inserting, repealing or renumbering a § costs O(1) however many there are:
/// a 10,000-instruction act applies in time linear in its size.
struct EditableAct: Sendable {
    var front: [EditNode] = []
    var back: [EditNode] = []
    private(set) var entries: [Int: EditNode] = [:]
    private var next: [Int: Int] = [:]
    private var previous: [Int: Int] = [:]
    private(set) var head: Int?
    private var tail: Int?
    /// Keys "§53a", "kap4" → serial, by base number and by current number.
    private var byOriginal: [String: Int] = [:]
    private var byCurrent: [String: [Int]] = [:]
    var nextSerial = 1
    /// Counts the changes to the §§ and chapters (inserted, removed, renumbered), so that what is derived from
    /// their list can be kept until it changes.
    private(set) var generation = 0

    /// The act of `document`.
    init(_ document: Document) {
        var inBack = false
        for child in document.root.children { load(child, inBack: &inBack) }
    }

    private mutating func load(_ node: Node, inBack: inout Bool) {
        if node.kind == .signature || node.kind == .annex || inBack {
            inBack = true
            back.append(EditNode(node, next: &nextSerial))
        } else if head == nil && (node.kind == .title || node.kind == .preamble || node.kind == .unplaced) {
            front.append(EditNode(node, next: &nextSerial))
        } else if node.kind == .part || node.kind == .chapter {
            append(EditNode(node, next: &nextSerial, withChildren: false))
            for child in node.children { load(child, inBack: &inBack) }
        } else {
            append(EditNode(node, next: &nextSerial))
        }
    }

    // MARK: The list

    /// The entries in order.
    var ordered: [EditNode] {
        var out: [EditNode] = []
        out.reserveCapacity(entries.count)
        var cursor = head
        while let serial = cursor, let entry = entries[serial] {
            out.append(entry)
            cursor = next[serial]
        }
        return out
    }

    /// The serial after `serial`, if any.
    func after(_ serial: Int) -> Int? { next[serial] }
    /// The serial before `serial`, if any.
    func before(_ serial: Int) -> Int? { previous[serial] }

    /// Appends an entry at the end.
    mutating func append(_ entry: EditNode) {
        insert(entry, after: tail)
    }

    /// Inserts `entry` after `serial` (at the start when nil).
    mutating func insert(_ entry: EditNode, after serial: Int?) {
        let s = entry.serial
        entries[s] = entry
        index(entry)
        if let serial {
            let following = next[serial]
            next[serial] = s
            previous[s] = serial
            next[s] = following
            if let following { previous[following] = s } else { tail = s }
        } else {
            next[s] = head
            if let head { previous[head] = s } else { tail = s }
            head = s
        }
    }

    /// Inserts `entry` before `serial`.
    mutating func insert(_ entry: EditNode, before serial: Int) {
        insert(entry, after: previous[serial])
    }

    /// Removes the entry `serial`.
    mutating func remove(_ serial: Int) {
        guard let entry = entries[serial] else { return }
        unindex(entry)
        let p = previous[serial]
        let n = next[serial]
        if let p { next[p] = n } else { head = n }
        if let n { previous[n] = p } else { tail = p }
        entries[serial] = nil
        next[serial] = nil
        previous[serial] = nil
    }

    /// Replaces the entry `serial` (same serial) with `entry`, keeping the indexes right.
    mutating func update(_ serial: Int, _ body: (inout EditNode) throws -> Void) rethrows {
        guard var entry = entries[serial] else { return }
        unindex(entry)
        defer {
            entry.serial = serial
            entries[serial] = entry
            index(entry)
        }
        try body(&entry)
    }

    // MARK: Lookup

    private static func key(_ kind: NodeKind, _ number: String) -> String {
        (kind == .section ? "§" : kind == .chapter ? "kap" : kind.rawValue) + EditNode.key(number)
    }

    private mutating func index(_ entry: EditNode) {
        guard entry.kind == .section || entry.kind == .chapter else { return }
        generation += 1
        if let original = entry.original, byOriginal[Self.key(entry.kind, original)] == nil {
            byOriginal[Self.key(entry.kind, original)] = entry.serial
        }
        if let number = entry.number { byCurrent[Self.key(entry.kind, number), default: []].append(entry.serial) }
    }

    private mutating func unindex(_ entry: EditNode) {
        guard entry.kind == .section || entry.kind == .chapter else { return }
        if let original = entry.original, byOriginal[Self.key(entry.kind, original)] == entry.serial {
            byOriginal[Self.key(entry.kind, original)] = nil
        }
        if let number = entry.number {
            let key = Self.key(entry.kind, number)
            byCurrent[key]?.removeAll { $0 == entry.serial }
            if byCurrent[key]?.isEmpty == true { byCurrent[key] = nil }
        }
    }

    /// The § or chapter numbered `number`: in the base numbering, else inserted or renumbered to it.
    func find(_ kind: NodeKind, _ number: String) -> Int? {
        if let s = byOriginal[Self.key(kind, number)] { return s }
        let current = byCurrent[Self.key(kind, number)] ?? []
        return current.first { entries[$0]?.original == nil } ?? current.first
    }

    /// How many §§ or chapters are numbered `number` now.
    func count(_ kind: NodeKind, _ number: String) -> Int { byCurrent[Self.key(kind, number)]?.count ?? 0 }

    /// Whether a § or chapter is numbered `number` now.
    func isTaken(_ kind: NodeKind, _ number: String) -> Bool { !(byCurrent[Self.key(kind, number)] ?? []).isEmpty }

    /// The serials of the §§ whose heading entry follows chapter `serial`, up to the next chapter or part.
    func sections(inChapter serial: Int) -> [Int] {
        var out: [Int] = []
        var cursor = next[serial]
        while let s = cursor, let entry = entries[s], entry.kind != .chapter && entry.kind != .part {
            if entry.kind == .section { out.append(s) }
            cursor = next[s]
        }
        return out
    }

    /// The last entry of the chapter that holds `serial` (the § itself when it has no chapter after it).
    func chapterEnd(from serial: Int) -> Int {
        var last = serial
        var cursor = next[serial]
        while let s = cursor, let entry = entries[s], entry.kind != .chapter && entry.kind != .part {
            last = s
            cursor = next[s]
        }
        return last
    }

    /// The numbers of the §§, in order, for messages ("§§ 1-52, 54-73").
    var sectionNumbers: [String] { ordered.filter { $0.kind == .section }.compactMap(\.number) }
}
