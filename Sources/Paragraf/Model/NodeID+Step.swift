extension NodeID {
    /// One step of an id, with the number as a reader writes it ("4 a", not "4a").
    public enum Step: Hashable, Sendable {
        /// The document's root: `document`.
        case document
        /// The title line: `title`.
        case title
        /// The preamble (*indledning*): `preamble`.
        case preamble
        /// The signature: `signature`.
        case signature
        /// A part (*afsnit*): `afsII`.
        case part(String)
        /// A chapter: `kap4`, `kap6a`.
        case chapter(String)
        /// A section (§): `p17`, `p4a`.
        case section(String)
        /// A subsection (stk.): `stk3`.
        case subsection(Int)
        /// A numbered or lettered item (nr.): `nr4`, `nrb`.
        case item(String)
        /// A litra under an item: `a`.
        case litra(String)
        /// A sentence (pkt.): `pkt2`.
        case sentence(Int)
        /// An annex (*bilag*): `bilag1`.
        case annex(String)
        /// A block of an annex: `blk3`.
        case block(Int)
        /// Unplaced text, counted through the document: `unplaced2`.
        case unplaced(Int)

        /// The kind of node the step names.
        public var kind: NodeKind {
            switch self {
            case .document: .document
            case .title: .title
            case .preamble: .preamble
            case .signature: .signature
            case .part: .part
            case .chapter: .chapter
            case .section: .section
            case .subsection: .subsection
            case .item, .litra: .item
            case .sentence: .sentence
            case .annex: .annex
            case .block: .block
            case .unplaced: .unplaced
            }
        }

        /// Appends the step in the string form: a prefix and the number without spaces ("p4a", "stk3", "a").
        func append(to text: inout String) {
            switch self {
            case .document: text += "document"
            case .title: text += "title"
            case .preamble: text += "preamble"
            case .signature: text += "signature"
            case .part(let n):
                text += "afs"
                text += NodeID.withoutSpaces(n)
            case .chapter(let n):
                text += "kap"
                text += NodeID.withoutSpaces(n)
            case .section(let n):
                text += "p"
                text += NodeID.withoutSpaces(n)
            case .subsection(let n):
                text += "stk"
                text += String(n)
            case .item(let n):
                text += "nr"
                text += n
            case .litra(let n): text += n
            case .sentence(let n):
                text += "pkt"
                text += String(n)
            case .annex(let n):
                text += "bilag"
                text += NodeID.withoutSpaces(n)
            case .block(let n):
                text += "blk"
                text += String(n)
            case .unplaced(let n):
                text += "unplaced"
                text += String(n)
            }
        }
    }

    /// A step and its occurrence: 1 for the first node with its id, 2 for the next one (`p5~2`) …
    public struct Component: Hashable, Sendable {
        /// The step.
        public var step: Step
        /// Which node with the same step under the same parent this is, from 1.
        public var occurrence: Int

        /// Creates a component.
        public init(step: Step, occurrence: Int = 1) {
            self.step = step
            self.occurrence = occurrence
        }

        /// Appends the component in the string form: the step, and `~N` from the second occurrence on.
        func append(to text: inout String) {
            step.append(to: &text)
            if occurrence > 1 {
                text += "~"
                text += String(occurrence)
            }
        }
    }

    /// The components of a string form, nil when it is no id.
    static func components(of text: String) -> [Component]? {
        var result: [Component] = []
        result.reserveCapacity(4)
        return forEachComponent(of: text) { result.append($0) } ? result : nil
    }

    /// Calls `body` with each component of a string form, from the top-level one down; false when the text
    /// is no id (`body` has then seen the components before the first that is none).
    ///
    /// The string's own bytes are read in place, through a `Span` (no copy, no array of components): the
    /// diff and the resolver read the ids of many nodes, ``Address/init(id:)`` through this.
    static func forEachComponent(of text: String, _ body: (Component) -> Void) -> Bool {
        let b = text.utf8.span
        var start = 0
        for i in 0...b.count where i == b.count || b[i] == 0x2F {
            // Only the first component starts at 0: every other one starts after a slash.
            guard let component = component(b, start, i, first: start == 0) else { return false }
            body(component)
            start = i + 1
        }
        return true
    }

    /// The last component of a string form (nil when it is none).
    static func lastComponent(of text: String) -> Component? {
        let b = text.utf8.span
        var slash = b.count - 1
        while slash >= 0 && b[slash] != 0x2F { slash -= 1 }
        return component(b, slash + 1, b.count, first: slash < 0)
    }

    /// Reads the component in bytes `[start, end)` of a string form: a step and an optional `~N` occurrence.
    ///
    /// Numbers lose their spaces in the string form; a section's, chapter's or part's digits followed by
    /// other characters get one back ("p4a" is section "4 a", "kap6a" chapter "6 a"), as Danish writes them.
    private static func component(_ b: Span<UInt8>, _ start: Int, _ end: Int, first: Bool) -> Component? {
        var stepEnd = end
        var occurrence = 1
        var tilde = end - 1
        while tilde >= start && b[tilde] != 0x7E { tilde -= 1 }
        if tilde >= start {
            guard let value = number(b, tilde + 1, end), value > 1 else { return nil }
            occurrence = value
            stepEnd = tilde
        }
        guard let step = first ? topLevelStep(b, start, stepEnd) : innerStep(b, start, stepEnd) else {
            return nil
        }
        return Component(step: step, occurrence: occurrence)
    }

    private static func topLevelStep(_ b: Span<UInt8>, _ s: Int, _ e: Int) -> Step? {
        if matches(b, s, e, "document") && e - s == 8 { return .document }
        if matches(b, s, e, "title") && e - s == 5 { return .title }
        if matches(b, s, e, "preamble") && e - s == 8 { return .preamble }
        if matches(b, s, e, "signature") && e - s == 9 { return .signature }
        if matches(b, s, e, "unplaced") { return number(b, s + 8, e).map { .unplaced($0) } }
        if matches(b, s, e, "bilag") { return .annex(string(b, s + 5, e)) }
        if matches(b, s, e, "kap") { return .chapter(spaced(b, s + 3, e)) }
        if matches(b, s, e, "afs") { return .part(spaced(b, s + 3, e)) }
        if s < e && b[s] == 0x70 { return .section(spaced(b, s + 1, e)) }  // p
        return nil
    }

    private static func innerStep(_ b: Span<UInt8>, _ s: Int, _ e: Int) -> Step? {
        if matches(b, s, e, "stk"), let n = number(b, s + 3, e) { return .subsection(n) }
        if matches(b, s, e, "pkt"), let n = number(b, s + 3, e) { return .sentence(n) }
        if matches(b, s, e, "blk"), let n = number(b, s + 3, e) { return .block(n) }
        if matches(b, s, e, "nr") { return .item(string(b, s + 2, e)) }
        return s < e ? .litra(string(b, s, e)) : nil
    }

    /// Whether `[s, e)` starts with `word`.
    private static func matches(_ b: Span<UInt8>, _ s: Int, _ e: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard s + count <= e else { return false }
        for k in 0..<count where b[s + k] != word.utf8Start[k] { return false }
        return true
    }

    /// The decimal number in `[s, e)` (1 to 18 ASCII digits, nothing else), or nil.
    private static func number(_ b: Span<UInt8>, _ s: Int, _ e: Int) -> Int? {
        guard s < e, e - s <= 18 else { return nil }
        var value = 0
        for k in s..<e {
            guard b[k] &- 0x30 < 10 else { return nil }
            value = value * 10 + Int(b[k] &- 0x30)
        }
        return value
    }

    /// Bytes `[s, e)` as a string. They stand after an ASCII prefix or at a slash, tilde or the end of a
    /// string's bytes, on scalar boundaries, so they are valid UTF-8 and copied as such.
    private static func string(_ b: Span<UInt8>, _ s: Int, _ e: Int) -> String {
        guard let text = try? UTF8Span(validating: b.extracting(s..<e)) else { return "" }
        return String(copying: text)
    }

    /// "4a" → "4 a": ASCII digits and the rest, with a space between when there are both.
    private static func spaced(_ b: Span<UInt8>, _ s: Int, _ e: Int) -> String {
        var d = s
        while d < e && b[d] &- 0x30 < 10 { d += 1 }
        return d == s || d == e ? string(b, s, e) : string(b, s, d) + " " + string(b, d, e)
    }

    /// `text` without U+0020 spaces.
    static func withoutSpaces(_ text: String) -> String {
        text.utf8.contains(0x20) ? String(decoding: text.utf8.filter { $0 != 0x20 }, as: UTF8.self) : text
    }
}
