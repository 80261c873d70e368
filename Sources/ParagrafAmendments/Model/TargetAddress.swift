import Paragraf

/// A place in the amended act as an instruction names it: "§ 43, stk. 6", "§ 3, nr. 2", "kapitel 4",
/// "§ 15, stk. 3, 2. pkt.".
///
/// An address is a path of typed steps from the act down, each with the number as written and normalized
/// ("53 a", "3", "b"). Numbers are those of the act *before* the amending act (Danish drafting practice);
/// `becomes` holds the number the instruction says the last step has afterwards ("stk. 6, som bliver stk. 5").
public struct TargetAddress: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The level of one step of an address.
    public enum Level: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
        /// *Kapitel*.
        case chapter
        /// *Paragraf* (§).
        case section
        /// *Stykke*.
        case subsection
        /// *Nummer*.
        case item
        /// *Litra*.
        case litra
        /// *Punktum*.
        case sentence
        /// *Bilag*.
        case annex

        /// The tree kind the level names.
        public var nodeKind: NodeKind {
            switch self {
            case .chapter: .chapter
            case .section: .section
            case .subsection: .subsection
            case .item, .litra: .item
            case .sentence: .sentence
            case .annex: .annex
            }
        }

        /// Depth below the act: chapter and annex 0, section 1, …, sentence 5.
        var depth: Int {
            switch self {
            case .chapter, .annex: 0
            case .section: 1
            case .subsection: 2
            case .item: 3
            case .litra: 4
            case .sentence: 5
            }
        }

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.depth < rhs.depth }

        /// The Danish word of a step: "stk. 3", "nr. 2", "litra b", "2. pkt.".
        public func cite(_ number: String) -> String {
            switch self {
            case .chapter: "kapitel \(number)"
            case .section: "§ \(number)"
            case .subsection: "stk. \(number)"
            case .item: "nr. \(number)"
            case .litra: "litra \(number)"
            case .sentence: "\(number). pkt."
            case .annex: "bilag \(number)"
            }
        }
    }

    /// One step: a level and a number ("stk." + "3").
    public struct Step: Codable, Hashable, Sendable, CustomStringConvertible {
        /// The level.
        public var level: Level
        /// The normalized number: "53 a", "3", "b", "IV".
        public var number: String
        /// The number the step gets from an earlier instruction of the same act ("som bliver stk. 5").
        public var becomes: String?

        /// Creates a step.
        public init(_ level: Level, _ number: String, becomes: String? = nil) {
            self.level = level
            self.number = number
            self.becomes = becomes
        }

        /// "§ 53 a", "stk. 3", "stk. 6 (som bliver stk. 5)", "2. pkt.".
        public var description: String {
            level.cite(number) + (becomes.map { " (som bliver \(level.cite($0)))" } ?? "")
        }
    }

    /// The steps from the act down.
    public var steps: [Step]

    /// Creates an address.
    public init(_ steps: [Step]) {
        self.steps = steps
    }

    /// The number the last step gets from an earlier instruction ("som bliver stk. 5").
    public var becomes: String? {
        get { steps.last?.becomes }
        set { if !steps.isEmpty { steps[steps.count - 1].becomes = newValue } }
    }

    /// The Danish citation form: "§ 43, stk. 6", "§ 43, stk. 6 (som bliver stk. 5)".
    public var description: String { steps.map(\.description).joined(separator: ", ") }

    /// The deepest step, if any.
    public var last: Step? { steps.last }

    /// The address without its last step.
    public var parent: TargetAddress { TargetAddress(Array(steps.dropLast())) }

    /// The address with `step` appended.
    public func appending(_ step: Step) -> TargetAddress { TargetAddress(steps + [step]) }

    /// The number of the step at `level`, if the address has one.
    public func number(at level: Level) -> String? { steps.first { $0.level == level }?.number }

    /// The address as a Paragraf ``Address`` (for node lookups and ids), when it names a node of a tree.
    ///
    /// The Paragraf address has no litra under a bare section or a sentence under an annex; such addresses
    /// and those with a chapter below a section give nil.
    public var address: Address? {
        var a = Address()
        for step in steps {
            switch step.level {
            case .chapter: a.chapter = step.number
            case .annex: a.annex = step.number
            case .section: a.section = step.number
            case .subsection:
                guard let n = Int(step.number) else { return nil }
                a.subsection = n
            case .item: a.item = step.number
            case .litra:
                if a.item == nil { a.item = step.number } else { a.litra = step.number }
            case .sentence:
                guard let n = Int(step.number) else { return nil }
                a.sentence = n
            }
        }
        if a.section != nil { a.chapter = nil }
        return a
    }
}
