import Paragraf

/// A change the diff engine finds between base and consolidation, and what explains it.
public struct ExplainedChange: Codable, Hashable, Sendable {
    /// What explains a change.
    public enum Explanation: String, Codable, Hashable, Sendable {
        /// An instruction of the amending act (``ExplainedChange/instructions``).
        case instruction
        /// The consolidation's own metadata (its number, date, signers), which every new LBK changes.
        case consolidation
        /// A part one of the sources does not hold (a partial document: no chapter titles, no signature).
        case partialSource
        /// Text one source prints in the provisions and the other as a note (footnotes, earlier acts'
        /// in-force provisions).
        case notes
        /// The same text, read or encoded differently by the two sources (items inline in one, XML entities).
        case sameText
        /// Nothing: a difference the instructions do not give.
        case unexplained
    }

    /// The level: "chapter", "section", "subsection", "item", "annex", "preamble", "metadata".
    public var level: String
    /// The diff engine's status ("added", "removed", "modified", "renumbered", …, or "changed" for metadata).
    public var status: String
    /// The provision in the base ("§ 66, stk. 3"), or the metadata field.
    public var old: String?
    /// The provision in the consolidation.
    public var new: String?
    /// What explains it.
    public var explanation: Explanation
    /// The instructions that explain it ("1", "2").
    public var instructions: [String]
    /// For anything but an instruction: what the explanation rests on; for an unexplained change, both texts.
    public var detail: String?

    /// Creates an explained change.
    public init(
        level: String, status: String, old: String?, new: String?, explanation: Explanation, instructions: [String] = [],
        detail: String? = nil
    ) {
        self.level = level
        self.status = status
        self.old = old
        self.new = new
        self.explanation = explanation
        self.instructions = instructions
        self.detail = detail
    }

    /// "§ 66, stk. 3 → § 66, stk. 4", "— → § 53 a", "§ 66" (same on both sides), "signingDate".
    public var arrow: String {
        if level == "metadata" { return old ?? new ?? "" }
        if let old, old == new { return old }
        return "\(old ?? "—") → \(new ?? "—")"
    }
}
