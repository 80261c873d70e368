import Paragraf

/// The diagnostics of the amendments module, declared in one place: a stable code, a severity and what it
/// means. `A00x`–`A01x` come from reading an amending act, `A02x` from applying it to a base version.
///
/// ```swift
/// diagnostics.append(AmendmentDiagnosticCode.unbalancedQuote.make("» is never closed", range))
/// ```
public struct AmendmentDiagnosticCode: Hashable, Sendable, CustomStringConvertible {
    /// The stable code ("A004").
    public let code: String
    /// How serious it is.
    public let severity: Severity
    /// What it means, for the documentation.
    public let meaning: String

    /// The code.
    public var description: String { code }

    /// A diagnostic of this code.
    public func make(_ message: String, _ range: SourceRange) -> Diagnostic {
        Diagnostic(code: code, severity: severity, message: message, range: range)
    }

    // MARK: Reading

    /// The input is empty.
    public static let empty = Self(code: "A001", severity: .error, meaning: "the input is empty")
    /// No § of the input amends an act ("I … foretages følgende ændring(er):" or a single instruction).
    public static let noAmendment = Self(
        code: "A002", severity: .warning, meaning: "no § of the input amends an act")
    /// An instruction none of whose clauses could be read; it stays in the list, unread.
    public static let unreadInstruction = Self(
        code: "A003", severity: .warning, meaning: "an instruction could not be read")
    /// Part of an instruction could not be read; the rest became operations.
    public static let unreadClause = Self(
        code: "A004", severity: .warning, meaning: "a clause of an instruction could not be read")
    /// A » that is never closed (closed at the end of its instruction).
    public static let unbalancedQuote = Self(
        code: "A005", severity: .warning, meaning: "a quotation mark » is never closed")
    /// A « without an opening ».
    public static let strayClosingQuote = Self(
        code: "A006", severity: .warning, meaning: "a closing quotation mark « has no opening »")
    /// An instruction that needs new text ("indsættes:") has no quotation.
    public static let missingNewText = Self(
        code: "A007", severity: .warning, meaning: "an instruction that inserts or rewrites has no quoted text")
    /// The quoted text does not hold what the instruction says ("som nyt stykke" but »§ 5. …«).
    public static let unexpectedNewText = Self(
        code: "A008", severity: .warning, meaning: "quoted text does not hold what the instruction inserts")
    /// The amended act is not named the usual way ("I lov om …, jf. …, foretages følgende ændringer:").
    public static let unnamedAct = Self(
        code: "A009", severity: .warning, meaning: "the amended act is not named in the usual form")
    /// Instruction numbers that skip or repeat.
    public static let instructionOrder = Self(
        code: "A010", severity: .note, meaning: "instruction numbers skip or repeat")
    /// Text outside any § or instruction (kept, not read).
    public static let unplacedText = Self(
        code: "A011", severity: .note, meaning: "text outside any § or instruction")
    /// More instructions, operations or nesting than the reader takes (the rest is kept unread).
    public static let limit = Self(
        code: "A012", severity: .warning, meaning: "a limit of the reader was reached")

    /// The input is HTML or a dataset document: amending acts are read from their text or their LexDania XML.
    public static let unsupportedFormat = Self(
        code: "A013", severity: .error, meaning: "the input is HTML or a dataset document, not an act's text or LexDania XML")

    // MARK: Applying

    /// The address of an instruction does not exist in the base version.
    public static let addressNotFound = Self(
        code: "A020", severity: .error, meaning: "an addressed provision does not exist in the base")
    /// Quoted words do not occur where the instruction says.
    public static let wordsNotFound = Self(
        code: "A021", severity: .error, meaning: "quoted words do not occur where the instruction says")
    /// Quoted words occur a different number of times than the instruction says.
    public static let wordCount = Self(
        code: "A022", severity: .error, meaning: "quoted words occur a different number of times than stated")
    /// A new provision's number is taken, or a renumbering does not fit the provisions it names.
    public static let numbering = Self(
        code: "A023", severity: .error, meaning: "a number is taken or a renumbering does not fit")
    /// "som bliver stk. 5" does not hold after the earlier instructions.
    public static let becomesMismatch = Self(
        code: "A024", severity: .warning, meaning: "a provision's number after earlier instructions is not the one stated")
    /// An unread instruction was not applied.
    public static let notApplied = Self(
        code: "A025", severity: .error, meaning: "an unread instruction could not be applied")

    /// Every code, in order.
    public static let all: [AmendmentDiagnosticCode] = [
        empty, noAmendment, unreadInstruction, unreadClause, unbalancedQuote, strayClosingQuote, missingNewText,
        unexpectedNewText, unnamedAct, instructionOrder, unplacedText, limit, unsupportedFormat, addressNotFound, wordsNotFound,
        wordCount, numbering, becomesMismatch, notApplied,
    ]
}
