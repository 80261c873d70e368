/// The text parser's diagnostics (`P001`–`P013`): code, severity and message of each, in one place.
///
/// ```swift
/// ParserDiagnostic.sectionSkips(section: "7", last: "5").at(range)   // P005 warning
/// ```
public enum ParserDiagnostic: DiagnosticMessage, Hashable {
    /// P001: the input is not UTF-8 and was decoded as Windows-1252.
    case transcoded(invalidBytes: Int)
    /// P001: the input is UTF-8 with invalid bytes, which were decoded as Windows-1252.
    case repairedUTF8(invalidBytes: Int)
    /// P002: a byte order mark.
    case byteOrderMark
    /// P003: nothing but whitespace.
    case empty
    /// P004: text between a heading and the first § (kept in an unplaced node).
    case unplacedAfterHeading
    /// P004: text before the first heading that is neither title nor preamble.
    case unplacedFrontMatter
    /// P004: text without any heading at all.
    case unplacedWithoutStructure
    /// P005: a § whose number skips numbers after the last.
    case sectionSkips(section: String, last: String)
    /// P005: a § with the number of the § before it.
    case sectionRepeats(section: String)
    /// P005: a § whose number is lower than the last (an amending act's quoted §§, the in-force §§ at the end of a
    /// consolidated act).
    case sectionGoesBack(section: String, last: String)
    /// P006: a "Stk. N." heading that repeats a number (kept as text).
    case subsectionRepeats(number: Int, section: String, last: Int)
    /// P006: a stk. whose number does not follow the last.
    case subsectionOutOfOrder(number: Int, last: Int, section: String)
    /// P007: a second list of items starts in a stk.
    case secondList(in: NodeID?)
    /// P008: the first chapter is not Kapitel 1.
    case firstChapter(number: String)
    /// P008: a chapter whose number does not follow the last.
    case chapterOutOfOrder(number: String, last: Int)
    /// P009: control bytes in the input.
    case controlBytes(count: Int)
    /// P010: no § or chapter heading was recognised.
    case noStructure
    /// P011: no title line.
    case noTitle
    /// P011: no signature line.
    case noSignature
    /// P012: an id given before; the repeat got the next occurrence.
    case duplicateID(repeated: NodeID, id: NodeID)
    /// P013: CRLF line ends.
    case crlf
    /// The note that ends a run of one code capped at ``DiagnosticSink/limitPerCode``.
    case moreNotShown(code: String, count: Int)

    public var code: String {
        switch self {
        case .transcoded, .repairedUTF8: DiagnosticCode.transcoded
        case .byteOrderMark: DiagnosticCode.byteOrderMark
        case .empty: DiagnosticCode.empty
        case .unplacedAfterHeading, .unplacedFrontMatter, .unplacedWithoutStructure: DiagnosticCode.unplaced
        case .sectionSkips, .sectionRepeats, .sectionGoesBack: DiagnosticCode.sectionOrder
        case .subsectionRepeats, .subsectionOutOfOrder: DiagnosticCode.subsectionOrder
        case .secondList: DiagnosticCode.itemOrder
        case .firstChapter, .chapterOutOfOrder: DiagnosticCode.chapterOrder
        case .controlBytes: DiagnosticCode.controlBytes
        case .noStructure: DiagnosticCode.noStructure
        case .noTitle, .noSignature: DiagnosticCode.metadata
        case .duplicateID: DiagnosticCode.duplicateID
        case .crlf: DiagnosticCode.crlf
        case .moreNotShown(let code, _): code
        }
    }

    public var severity: Severity {
        switch self {
        case .byteOrderMark, .noTitle, .noSignature, .crlf, .moreNotShown: .note
        default: .warning
        }
    }

    public var message: String {
        switch self {
        case .transcoded(let n):
            "input is not UTF-8; decoded as Windows-1252/ISO-8859-1 (\(n) bytes); ranges refer to the UTF-8 text"
        case .repairedUTF8(let n):
            "input is UTF-8 with \(n) invalid bytes, decoded as Windows-1252; ranges refer to the repaired UTF-8 text"
        case .byteOrderMark: "input starts with a UTF-8 byte order mark (kept as whitespace)"
        case .empty: "input is empty or only whitespace"
        case .unplacedAfterHeading: "text between a heading and the first § is kept as unplaced"
        case .unplacedFrontMatter: "text before the first heading is neither title nor preamble; kept as unplaced"
        case .unplacedWithoutStructure: "text without any § or chapter heading; kept as unplaced"
        case .sectionSkips(let section, let last): "section § \(section) skips numbers after § \(last)"
        case .sectionRepeats(let section): "section § \(section) repeats the number of the section before it"
        case .sectionGoesBack(let section, let last): "section § \(section) goes back after § \(last)"
        case .subsectionRepeats(let number, let section, let last):
            "Stk. \(number) repeats in § \(section) after Stk. \(last); kept as text"
        case .subsectionOutOfOrder(let number, let last, let section): "Stk. \(number) follows Stk. \(last) in § \(section)"
        case .secondList(let id): "a second list starts in \(id?.description ?? "?")"
        case .firstChapter(let number): "the first chapter is Kapitel \(number)"
        case .chapterOutOfOrder(let number, let last): "Kapitel \(number) follows Kapitel \(last)"
        case .controlBytes(let count): "input holds \(count) control bytes (binary data?); shown as U+FFFD in text"
        case .noStructure: "no structure recognised (no § or Kapitel heading)"
        case .noTitle: "no title line recognised"
        case .noSignature: "no signature (ministry, date) recognised"
        case .duplicateID(let repeated, let id): "\(repeated) appears again; this one is \(id)"
        case .crlf: "input uses CRLF line ends (kept as whitespace)"
        case .moreNotShown(let code, let count): "\(count) more \(code) diagnostics like the ones above are not shown"
        }
    }
}
