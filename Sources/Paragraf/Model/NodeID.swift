/// The stable id of a node, derived from its legal address: `p17/stk3/pkt2` is the second sentence of
/// stk. 3 of § 17; the same address in two versions gives the same id.
///
/// An id is a path of typed ``Step``s: a top-level step (a section, chapter, part, annex, the title, the
/// preamble, the signature, unplaced text, the document) followed by the steps inside it (subsection, item,
/// litra, sentence, block). A step that repeats under the same parent gets an occurrence (`p5~2` is the
/// second § 5 of a text that numbers two §§ 5); ``NodeIDAllocator`` gives them.
///
/// ```swift
/// let id = NodeID.section("17").appending(.subsection(3)).appending(.sentence(2))
/// print(id)                       // p17/stk3/pkt2
/// print(id.parent!)               // p17/stk3
/// print(id.steps)                 // [.section("17"), .subsection(3), .sentence(2)]
/// NodeID(parsing: "p4a/stk1")     // section "4 a", subsection 1
/// ```
///
/// The string form ("p17/stk3/pkt2", unchanged since the first release) is what `description`, `Codable`
/// and ``init(parsing:)`` read and write: JSON, the command line and Akoma Ntoso eIds use it. It is also
/// how an id is stored, because it is the smallest form: up to 15 UTF-8 bytes (nearly every id) live inline
/// in the 16 bytes of a `String`, where an array of steps would allocate for every node.
public struct NodeID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable, ExpressibleByStringLiteral {
    /// The string form; only the steps' own code writes it (`Step.append(to:)`) and reads it (``components``).
    private let text: String

    private init(text: String) { self.text = text }

    /// The id of a top-level node.
    public init(_ step: Step, occurrence: Int = 1) {
        var text = ""
        Component(step: step, occurrence: occurrence).append(to: &text)
        self.text = text
    }

    /// Reads the string form ("p17/stk3", "kap4", "bilag1/blk2", "p5~2"); nil when it is no id.
    ///
    /// Every id a reader makes reads back to itself: `NodeID(parsing: id.description) == id`.
    public init?(parsing text: String) {
        guard Self.components(of: text) != nil else { return nil }
        self.text = text
    }

    /// An id written in code ("p17/stk3"), for tests and defaults. It is taken as written: a literal that
    /// does not read as an id has no ``components`` (use ``init(parsing:)`` for text from outside).
    public init(stringLiteral value: String) {
        self.text = value
    }

    /// The document's root.
    public static let document = NodeID(.document)
    /// The title line.
    public static let title = NodeID(.title)
    /// The preamble.
    public static let preamble = NodeID(.preamble)
    /// The signature.
    public static let signature = NodeID(.signature)

    /// The id of a section (a top-level step).
    public static func section(_ number: String) -> NodeID { NodeID(.section(number)) }
    /// The id of a chapter.
    public static func chapter(_ number: String) -> NodeID { NodeID(.chapter(number)) }
    /// The id of an annex.
    public static func annex(_ number: String) -> NodeID { NodeID(.annex(number)) }

    /// The id of `step` inside this node: `p17` + `.subsection(3)` is `p17/stk3`.
    public func appending(_ step: Step, occurrence: Int = 1) -> NodeID {
        // Appended in place: the parser makes an id for every sentence this way.
        var result = text
        result += "/"
        Component(step: step, occurrence: occurrence).append(to: &result)
        return NodeID(text: result)
    }

    /// The steps from the top-level one down, each with its occurrence.
    public var components: [Component] { Self.components(of: text) ?? [] }

    /// Calls `body` with each component from the top-level one down, without making an array of them; false
    /// when the id does not read as one (``components`` is then empty).
    func forEachComponent(_ body: (Component) -> Void) -> Bool { Self.forEachComponent(of: text, body) }

    /// The steps from the top-level one down: `[.section("17"), .subsection(3), .sentence(2)]`.
    public var steps: [Step] { components.map(\.step) }

    /// The last step and its occurrence.
    public var last: Component { Self.lastComponent(of: text) ?? Component(step: .document) }

    /// The id of the enclosing step (`p17/stk3` for `p17/stk3/pkt2`); nil for a top-level id.
    public var parent: NodeID? {
        guard let slash = text.utf8.lastIndex(of: 0x2F) else { return nil }
        return NodeID(text: String(text[..<slash]))
    }

    /// The top-level id: `p17` for `p17/stk3/pkt2`, `bilag1` for `bilag1/blk2`.
    public var topLevel: NodeID {
        guard let slash = text.utf8.firstIndex(of: 0x2F) else { return self }
        return NodeID(text: String(text[..<slash]))
    }

    /// The number of steps.
    public var depth: Int {
        let bytes = text.utf8.span
        var depth = 1
        for i in bytes.indices where bytes[i] == 0x2F { depth += 1 }
        return depth
    }

    /// Whether this id is one step inside `parent` (`p17/stk3` in `p17`; not `p17/stk3/pkt2`, not `p170`).
    public func isChild(of parent: NodeID) -> Bool {
        guard text.utf8.count > parent.text.utf8.count + 1, parent.contains(self) else { return false }
        // Past the parent and its slash, no further slash.
        let b = text.utf8.span
        for i in (parent.text.utf8.count + 1)..<b.count where b[i] == 0x2F { return false }
        return true
    }

    /// The id truncated to its first `count` steps (`p17/stk3/pkt2` prefix 2 is `p17/stk3`).
    public func prefix(_ count: Int) -> NodeID {
        var seen = 0
        for index in text.utf8.indices where text.utf8[index] == 0x2F {
            seen += 1
            if seen == count { return NodeID(text: String(text[..<index])) }
        }
        return self
    }

    /// Whether `other` is this id or lies inside it (`p17` contains `p17/stk3`, not `p170`).
    public func contains(_ other: NodeID) -> Bool {
        let a = text.utf8.span
        let b = other.text.utf8.span
        guard b.count >= a.count else { return false }
        for i in a.indices where a[i] != b[i] { return false }
        return b.count == a.count || b[a.count] == 0x2F
    }

    /// This id with its prefix `old` replaced by `new` (`p5/stk2` from `p5` onto `p5~2` is `p5~2/stk2`), or
    /// nil when `old` does not contain it: a reader that renames a node renames its descendants with it.
    public func rebased(from old: NodeID, onto new: NodeID) -> NodeID? {
        guard old.contains(self) else { return nil }
        return NodeID(text: new.text + text.dropFirst(old.text.count))
    }

    /// The string form, "p17/stk3/pkt2".
    public var description: String { text }

    /// The string form with its steps joined by `separator` ("p17-stk3" for HTML anchors).
    public func joined(separator: String) -> String {
        separator == "/" ? text : text.split(separator: "/", omittingEmptySubsequences: false).joined(separator: separator)
    }

    /// Ids compare by their string form (a stable order for sorted output, not document order).
    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.text < rhs.text }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard Self.components(of: text) != nil else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "\"\(text)\" is no node id (e.g. \"p17/stk3\")"))
        }
        self.text = text
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}
