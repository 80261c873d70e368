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
