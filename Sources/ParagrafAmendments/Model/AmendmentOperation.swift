import Paragraf

/// One change an instruction makes, typed, with its address and the clause it was read from.
///
/// A numbered instruction may hold several operations: "I § 43, stk. 6, som bliver stk. 5, ændres »stk. 3 og
/// 5« til: »stk. 3 og 4«, og som 2. pkt. indsættes: »…«" is a word replacement and an insertion, and
/// "Stk. 3-6 bliver herefter stk. 4-7." after a quotation is a renumbering.
public struct AmendmentOperation: Codable, Hashable, Sendable {
    /// What the operation does.
    public var action: Action
    /// The clause it was read from, whitespace normalized (quotations shortened in ``summary``, kept whole here).
    public var text: String
    /// Where the clause is in the amending act's source.
    public var range: SourceRange

    /// Creates an operation.
    public init(action: Action, text: String, range: SourceRange) {
        self.action = action
        self.text = text
        self.range = range
    }

    /// The kind of an operation, as JSON names it.
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        /// "ændres »X« til: »Y«".
        case replaceWords
        /// "indsættes efter »X«: »Y«".
        case insertWords
        /// "udgår »X«".
        case deleteWords
        /// "Efter § 53 indsættes:", "indsættes efter stk. 2 som nyt stykke:", "indsættes som stk. 7:".
        case insert
        /// "ophæves" (and "ophæves, og i stedet indsættes:").
        case repeal
        /// "affattes således:".
        case rewrite
        /// "Stk. 3-6 bliver herefter stk. 4-7.".
        case renumber
    }

    /// What an operation does, with its typed details.
    public enum Action: Hashable, Sendable {
        /// Replace words: ``WordChange/old`` → ``WordChange/new``.
        case replaceWords(WordChange)
        /// Insert words before or after other words (``WordChange/anchor``).
        case insertWords(WordChange)
        /// Delete words.
        case deleteWords(WordChange)
        /// Insert provisions.
        case insert(Insertion)
        /// Repeal provisions, optionally inserting new ones in their place.
        case repeal(Repeal)
        /// Rewrite a provision or a heading.
        case rewrite(Rewrite)
        /// Renumber provisions.
        case renumber(Renumbering)

        /// The kind.
        public var kind: Kind {
            switch self {
            case .replaceWords: .replaceWords
            case .insertWords: .insertWords
            case .deleteWords: .deleteWords
            case .insert: .insert
            case .repeal: .repeal
            case .rewrite: .rewrite
            case .renumber: .renumber
            }
        }
    }

    /// The kind of the action.
    public var kind: Kind { action.kind }

    /// The new text the operation brings, if any.
    public var content: NewText? {
        switch action {
        case .insert(let i): i.content
        case .repeal(let r): r.replacement
        case .rewrite(let r): r.content
        default: nil
        }
    }

    private enum CodingKeys: String, CodingKey { case type, details, text, range }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        range = try c.decode(SourceRange.self, forKey: .range)
        switch try c.decode(Kind.self, forKey: .type) {
        case .replaceWords: action = .replaceWords(try c.decode(WordChange.self, forKey: .details))
        case .insertWords: action = .insertWords(try c.decode(WordChange.self, forKey: .details))
        case .deleteWords: action = .deleteWords(try c.decode(WordChange.self, forKey: .details))
        case .insert: action = .insert(try c.decode(Insertion.self, forKey: .details))
        case .repeal: action = .repeal(try c.decode(Repeal.self, forKey: .details))
        case .rewrite: action = .rewrite(try c.decode(Rewrite.self, forKey: .details))
        case .renumber: action = .renumber(try c.decode(Renumbering.self, forKey: .details))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .type)
        try c.encode(text, forKey: .text)
        try c.encode(range, forKey: .range)
        switch action {
        case .replaceWords(let w), .insertWords(let w), .deleteWords(let w): try c.encode(w, forKey: .details)
        case .insert(let i): try c.encode(i, forKey: .details)
        case .repeal(let r): try c.encode(r, forKey: .details)
        case .rewrite(let r): try c.encode(r, forKey: .details)
        case .renumber(let r): try c.encode(r, forKey: .details)
        }
    }
}

/// A change of words: replaced, inserted next to other words, or deleted.
public struct WordChange: Codable, Hashable, Sendable {
    /// Where: the addressed provisions, or the whole act ("Overalt i loven").
    public var scope: WordScope
    /// The words replaced or deleted.
    public var old: String?
    /// The words inserted.
    public var new: String?
    /// For an insertion: the words the new ones go after or before.
    public var anchor: WordAnchor?
    /// How many times the words occur in the scope, as the instruction states it.
    public var occurrences: Occurrences

    /// Creates a word change.
    public init(scope: WordScope, old: String? = nil, new: String? = nil, anchor: WordAnchor? = nil, occurrences: Occurrences = .once) {
        self.scope = scope
        self.old = old
        self.new = new
        self.anchor = anchor
        self.occurrences = occurrences
    }
}

/// Where a word change applies.
public struct WordScope: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The provisions named ("I § 3, nr. 2 og 3, …"); empty for the whole act.
    public var targets: [TargetAddress]
    /// "Overalt i loven": every provision of the act.
    public var wholeAct: Bool

    /// Creates a scope.
    public init(targets: [TargetAddress], wholeAct: Bool = false) {
        self.targets = targets
        self.wholeAct = wholeAct
    }

    /// "§ 3, nr. 2 and § 3, nr. 3", "the whole act".
    public var description: String {
        wholeAct ? "the whole act" : targets.map(\.description).joined(separator: " and ")
    }
}

/// The words new words go after or before.
public struct WordAnchor: Codable, Hashable, Sendable {
    /// After or before.
    public enum Side: String, Codable, Hashable, Sendable {
        /// "indsættes efter »X«".
        case after
        /// "indsættes før »X«".
        case before
    }

    /// After or before the words.
    public var side: Side
    /// The words.
    public var words: String

    /// Creates an anchor.
    public init(side: Side, words: String) {
        self.side = side
        self.words = words
    }
}

/// How often quoted words occur where an instruction changes them.
public struct Occurrences: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The number of places, nil for every place ("overalt", "alle steder").
    public var count: Int?
    /// Only the n-th place ("første sted", "andet sted").
    public var nth: Int?

    /// Creates a count.
    public init(count: Int?, nth: Int? = nil) {
        self.count = count
        self.nth = nth
    }

    /// One place (the default of "ændres »X« til: »Y«").
    public static let once = Occurrences(count: 1)
    /// Every place.
    public static let all = Occurrences(count: nil)

    /// "once", "in 2 places", "everywhere", "the 1st place".
    public var description: String {
        if let nth { return "the \(Self.ordinal(nth)) place" }
        guard let count else { return "everywhere" }
        return count == 1 ? "once" : "in \(count) places"
    }

    static func ordinal(_ n: Int) -> String {
        switch n % 10 == 1 && n % 100 != 11 ? 1 : n % 10 == 2 && n % 100 != 12 ? 2 : n % 10 == 3 && n % 100 != 13 ? 3 : 0 {
        case 1: "\(n)st"
        case 2: "\(n)nd"
        case 3: "\(n)rd"
        default: "\(n)th"
        }
    }
}

/// An insertion of provisions.
public struct Insertion: Codable, Hashable, Sendable {
    /// Where the new provisions go, relative to ``reference``.
    public enum Position: String, Codable, Hashable, Sendable {
        /// After the referenced provision ("Efter § 53 indsættes", "efter stk. 2 som nyt stykke").
        case after
        /// Before it ("Før § 1 indsættes", "før nr. 1 som nyt nummer").
        case before
        /// At the referenced number ("indsættes som stk. 7", "som 2. pkt."): ``reference`` is the new address.
        case at
    }

    /// After, before or at.
    public var position: Position
    /// The sibling (after/before) or the new provision's address (at).
    public var reference: TargetAddress
    /// The new provisions.
    public var content: NewText

    /// Creates an insertion.
    public init(position: Position, reference: TargetAddress, content: NewText) {
        self.position = position
        self.reference = reference
        self.content = content
    }
}

/// A repeal, possibly with new provisions in place of the repealed ones.
public struct Repeal: Codable, Hashable, Sendable {
    /// The provisions repealed.
    public var targets: [TargetAddress]
    /// "…, og i stedet indsættes:": what takes their place.
    public var replacement: NewText?

    /// Creates a repeal.
    public init(targets: [TargetAddress], replacement: NewText? = nil) {
        self.targets = targets
        self.replacement = replacement
    }
}

/// A provision (or a heading) given new wording.
public struct Rewrite: Codable, Hashable, Sendable {
    /// The provision.
    public var target: TargetAddress
    /// True when the heading is rewritten ("Overskriften til kapitel 3 affattes således:").
    public var heading: Bool
    /// The new wording.
    public var content: NewText

    /// Creates a rewrite.
    public init(target: TargetAddress, heading: Bool = false, content: NewText) {
        self.target = target
        self.heading = heading
        self.content = content
    }
}

/// "Stk. 3-6 bliver herefter stk. 4-7.": provisions renumbered, in the numbering before the amending act.
public struct Renumbering: Codable, Hashable, Sendable {
    /// The provision inside which the renumbered ones stand (the § for stk., the stk. for nr.); empty for §§
    /// and chapters.
    public var container: TargetAddress
    /// The level of the renumbered provisions.
    public var level: TargetAddress.Level
    /// Their numbers before.
    public var from: [String]
    /// Their numbers after, pairwise.
    public var to: [String]

    /// Creates a renumbering.
    public init(container: TargetAddress, level: TargetAddress.Level, from: [String], to: [String]) {
        self.container = container
        self.level = level
        self.from = from
        self.to = to
    }
}
