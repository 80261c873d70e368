import Testing

@testable import Paragraf

/// The parser's diagnostic catalogue: each entry's code, severity and message, raised in one line.
@Suite("Parser diagnostic catalogue")
struct ParserDiagnosticTests {
    @Test("Entries carry their code, severity and message")
    func entries() {
        let cases: [(ParserDiagnostic, String, Severity, String)] = [
            (
                .transcoded(invalidBytes: 3), "P001", .warning,
                "input is not UTF-8; decoded as Windows-1252/ISO-8859-1 (3 bytes); ranges refer to the UTF-8 text"
            ),
            (.byteOrderMark, "P002", .note, "input starts with a UTF-8 byte order mark (kept as whitespace)"),
            (.empty, "P003", .warning, "input is empty or only whitespace"),
            (.sectionSkips(section: "7", last: "5"), "P005", .warning, "section § 7 skips numbers after § 5"),
            (.subsectionRepeats(number: 2, section: "4", last: 3), "P006", .warning, "Stk. 2 repeats in § 4 after Stk. 3; kept as text"),
            (.secondList(in: "p2/stk1"), "P007", .warning, "a second list starts in p2/stk1"),
            (.chapterOutOfOrder(number: "3", last: 1), "P008", .warning, "Kapitel 3 follows Kapitel 1"),
            (.noSignature, "P011", .note, "no signature (ministry, date) recognised"),
            (.duplicateID(repeated: "p5", id: "p5~2"), "P012", .warning, "p5 appears again; this one is p5~2"),
            (.crlf, "P013", .note, "input uses CRLF line ends (kept as whitespace)"),
            (.moreNotShown(code: "P006", count: 12), "P006", .note, "12 more P006 diagnostics like the ones above are not shown"),
        ]
        for (entry, code, severity, message) in cases {
            #expect(entry.code == code && entry.severity == severity && entry.message == message, "\(entry)")
        }
    }

    @Test("Raised in one line, at a range")
    func raise() {
        var diagnostics: [Diagnostic] = []
        diagnostics.raise(ParserDiagnostic.noStructure, at: SourceRange(0..<1))
        #expect(
            diagnostics == [
                Diagnostic(
                    code: "P010", severity: .warning, message: "no structure recognised (no § or Kapitel heading)",
                    range: SourceRange(0..<1))
            ])
        #expect(ParserDiagnostic.noTitle.at(SourceRange(0..<0)).code == DiagnosticCode.metadata)
        let parsed = RegulationParser.parse(text: "§ 1. Kommunen skal.\n\n§ 3. Regionen kan.\n")
        #expect(parsed.document.diagnostics.map(\.message).contains("section § 3 skips numbers after § 1"))
    }
}
