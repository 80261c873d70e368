import Paragraf

/// An amending act as the readers find it, before its instructions are read: title, dates, and per § its
/// introduction and instruction texts.
struct RawAct: Sendable {
    /// A § of the act.
    struct Section: Sendable {
        /// The § number ("1").
        var number: String
        /// The bytes of the whole §.
        var range: Range<Int>
        /// The text before the first instruction (the introduction, or the whole text of an own §).
        var intro: RawText
        /// The numbered instructions.
        var instructions: [(number: String, text: RawText)]
    }

    var title: String?
    var documentType: DocumentType = .unknown
    var number: String?
    var year: Int?
    var signingDate: LegalDate?
    var sections: [Section] = []
    var diagnostics: [Diagnostic] = []
}
