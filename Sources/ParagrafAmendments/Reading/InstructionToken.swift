import Paragraf

/// A token of an instruction: a word, a number, a sign, or a whole quotation.
struct InstructionToken: Sendable {
    enum Kind: Sendable, Equatable {
        /// Letters (lower-cased in `text`).
        case word
        /// ASCII digits.
        case number
        /// "§" (`text` "§") or "§§" (`text` "§§").
        case section
        /// One punctuation character: , . : ; - – ( ) /.
        case sign
        /// »…«, outermost quotation marks only; `text` is the content, nested quotes kept.
        case quote
    }

    var kind: Kind
    /// The text: lower-cased for words, the content for quotations.
    var text: String
    /// The bytes of the token in the joined instruction text (a quotation's include its marks).
    var range: Range<Int>
    /// True when a word starts with a capital letter (a new sentence: "Stk. 3-6 bliver herefter …").
    var capitalized = false

    func isWord(_ w: String) -> Bool { kind == .word && text == w }
    func isSign(_ s: String) -> Bool { kind == .sign && text == s }
}
