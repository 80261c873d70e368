import Paragraf
import ParagrafXML

/// Reads an amending act, from its text or its LexDania XML (told apart by content), into the acts it amends
/// and typed operations.
///
/// The reader never throws and never stops on content: an instruction it cannot read stays in the list as
/// ``Instruction/Status/unread`` with its text and a diagnostic; unbalanced quotation marks, instructions for §§
/// that do not exist and very long acts are read in time linear in the input (see ``AmendmentDiagnosticCode``).
///
/// ```swift
/// let read = AmendmentReader.read(bytes, sourceName: "LOV-2023-1547.txt")
/// for amendment in read.act.amendments {
///     print(amendment.target)                                   // lov om hold af dyr, jf. …
///     for instruction in amendment.instructions {
///         print(instruction.number, instruction.operations.map(\.kind))   // 1 [insert]
///     }
/// }
/// ```
public enum AmendmentReader {
    /// Reads `bytes` (plain text in any encoding the text parser takes, or LexDania XML).
    /// - Complexity: O(n) in the input, plus the text parser's linear pass over each quotation.
    public static func read(_ bytes: [UInt8], sourceName: String = "-") -> ReadAmendingAct {
        switch DocumentReader.detect(bytes) {
        case .lexDania:
            let (raw, source) = LexDaniaActReader.read(bytes, sourceName: sourceName)
            return ReadAmendingAct(act: build(raw, source: source, sourceName: sourceName), source: source)
        case .html:
            return unsupported(
                bytes, sourceName, "\(sourceName) is HTML; give the amending act's text or its LexDania XML (…/eli/lta/YEAR/NUMBER/xml)")
        case .dataset:
            return unsupported(
                bytes, sourceName,
                "\(sourceName) is a dataset document, which keeps an amending act's quoted new text but not its instructions; give the act's text or its LexDania XML"
            )
        case .text:
            // The text parser decodes (BOM, Windows-1252, CRLF) and reports the encoding; its tree is not used.
            let parsed = RegulationParser.parse(bytes, sourceName: sourceName)
            var raw = ActTextScanner.scan(parsed.source)
            raw.diagnostics = parsed.document.diagnostics.filter { ["P001", "P002", "P009", "P013"].contains($0.code) }
            return ReadAmendingAct(act: build(raw, source: parsed.source, sourceName: sourceName), source: parsed.source)
        }
    }

    /// An act with only an `A013` error: the format holds no instructions to read.
    static func unsupported(_ bytes: [UInt8], _ sourceName: String, _ message: String) -> ReadAmendingAct {
        let source = SourceText(bytes: bytes)
        var act = AmendingAct(sourceName: sourceName)
        act.diagnostics.append(AmendmentDiagnosticCode.unsupportedFormat.make(message, source.range(0, min(bytes.count, 1))))
        return ReadAmendingAct(act: act, source: source)
    }

    /// Reads a string.
    public static func read(text: String, sourceName: String = "-") -> ReadAmendingAct {
        read(Array(text.utf8), sourceName: sourceName)
    }

    /// The act from what the scanner or the XML reader found.
    static func build(_ raw: RawAct, source: SourceText, sourceName: String) -> AmendingAct {
        var act = AmendingAct(
            sourceName: sourceName, title: raw.title, documentType: raw.documentType, number: raw.number, year: raw.year,
            signingDate: raw.signingDate, diagnostics: raw.diagnostics)
        if source.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            act.diagnostics.append(AmendmentDiagnosticCode.empty.make("\(sourceName) is empty", source.range(0, 0)))
            return act
        }
        for section in raw.sections {
            let intro = section.intro.text(0..<section.intro.bytes.count)
            let range = source.range(section.range.lowerBound, section.range.upperBound)
            if let introduction = IntroductionReader.read(intro) {
                act.amendments.append(amendment(section, introduction, intro: intro, range: range, source: source, act: &act))
            } else if !section.instructions.isEmpty {
                act.diagnostics.append(
                    AmendmentDiagnosticCode.unnamedAct.make(
                        "§ \(section.number) gives instructions but does not name the act it amends in the usual form "
                            + "(“I lov om …, jf. …, foretages følgende ændringer:”): “\(NewText.excerpt(intro))”", range))
                let none = IntroductionReader.Introduction(actName: intro, instrument: nil)
                act.amendments.append(amendment(section, none, intro: intro, range: range, source: source, act: &act))
            } else {
                let date = intro.contains("kraft") ? DanishDates.firstDate(in: intro) : nil
                act.ownProvisions.append(OwnProvision(section: section.number, text: intro, inForceDate: date, range: range))
            }
        }
        if act.amendments.isEmpty {
            let place = raw.sections.first.map { source.range($0.range.lowerBound, $0.range.lowerBound) } ?? source.range(0, 0)
            act.diagnostics.append(
                AmendmentDiagnosticCode.noAmendment.make(
                    "no § of \(sourceName) amends an act (none says “I … foretages følgende ændringer:” or makes a change)",
                    place))
        }
        return act
    }

    /// One amending §: its instructions read, their numbering checked.
    static func amendment(
        _ section: RawAct.Section, _ introduction: IntroductionReader.Introduction, intro: String, range: SourceRange,
        source: SourceText, act: inout AmendingAct
    ) -> ActAmendment {
        var instructions: [Instruction] = []
        if section.instructions.isEmpty, let change = introduction.singleChange {
            // "I lov om X, § 5, stk. 2, ændres …": the rest of the sentence is the instruction.
            var text = RawText()
            let whole = section.intro.wholeRange(in: source).offsets
            text.append(RawText.Piece(text: "I", range: whole, exact: false))
            text.append(RawText.Piece(text: String(intro[change...]), range: whole, exact: false))
            instructions.append(InstructionGrammar.read(number: "", text: text, source: source, section: section.number))
        } else if section.instructions.isEmpty {
            act.diagnostics.append(
                AmendmentDiagnosticCode.unreadInstruction.make(
                    "§ \(section.number) announces changes to \(introduction.actName) but no numbered instruction follows", range))
        }
        var previous = 0
        for (number, text) in section.instructions {
            let instruction = InstructionGrammar.read(number: number, text: text, source: source, section: section.number)
            if let n = Int(number), n != previous + 1 {
                act.diagnostics.append(
                    AmendmentDiagnosticCode.instructionOrder.make(
                        "instruction \(number) in § \(section.number) follows instruction \(previous)", instruction.range))
            }
            previous = Int(number) ?? previous
            instructions.append(instruction)
        }
        return ActAmendment(
            section: section.number, actName: introduction.actName, instrument: introduction.instrument, introduction: intro,
            instructions: instructions, range: range)
    }
}
