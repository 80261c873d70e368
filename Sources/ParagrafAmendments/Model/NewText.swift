import Paragraf

/// Quoted new text of an instruction (»…«), read as provisions of the act it amends.
public struct NewText: Codable, Hashable, Sendable {
    /// What the quotation holds, judged by its first words and the instruction.
    public enum Form: String, Codable, Hashable, Sendable {
        /// One or more chapters ("Kapitel 3 a" and its §§).
        case chapters
        /// One or more §§ ("§ 53 a. …").
        case sections
        /// One or more stk. ("Stk. 3. …").
        case subsections
        /// One or more nr. or litra ("4) …").
        case items
        /// Sentences (pkt.) to stand in a stk. or nr.
        case sentences
        /// Words, as in "ændres »X« til: »Y«" (not parsed as provisions).
        case words
        /// A heading (the title of a chapter or a group of §§).
        case heading
    }

    /// The quoted text without the outer »«, whitespace normalized.
    public var text: String
    /// Where the quotation is in the amending act's source (the outer » to the outer «).
    public var range: SourceRange
    /// How the text was read.
    public var form: Form
    /// The provisions the text holds (empty for words and headings): §§ with their stk., stk. with their
    /// sentences and items, items, or sentences.
    public var provisions: [Provision]

    /// Creates new text.
    public init(text: String, range: SourceRange, form: Form, provisions: [Provision] = []) {
        self.text = text
        self.range = range
        self.form = form
        self.provisions = provisions
    }

    /// A short description: "§ 53 a (3 stk.)", "stk. 3", "nr. 4 and nr. 5", "1 sentence".
    public var summary: String {
        switch form {
        case .words, .heading: return "»\(Self.excerpt(text))«"
        case .sentences:
            let n = provisions.count
            return n == 1 ? "1 sentence" : "\(n) sentences"
        case .sections:
            return provisions.map { p in
                let stk = p.children.filter { $0.kind == .subsection }.count
                return p.citation + (stk > 1 ? " (\(stk) stk.)" : "")
            }.joined(separator: ", ")
        case .chapters, .subsections, .items:
            return provisions.map(\.citation).joined(separator: ", ")
        }
    }

    /// The first 60 characters of `text`, with "…" when cut.
    static func excerpt(_ text: String, limit: Int = 60) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}
