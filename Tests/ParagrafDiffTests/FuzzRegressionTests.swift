import Foundation
import Paragraf
import ParagrafReferences
import Testing

@testable import ParagrafDiff

/// Inputs the diff fuzz target (`tools/fuzz.sh diff`) found, kept in `fixtures/regressions/fuzz-diff-*`: two
/// versions joined by two NUL bytes, as the target reads them.
@Suite("Diff fuzz regressions")
struct FuzzRegressionTests {
    /// The two versions of a fuzz input.
    func versions(_ name: String) throws -> (ParsedDocument, ParsedDocument) {
        let bytes = [UInt8](try Data(contentsOf: packageRoot.appendingPathComponent("fixtures/regressions/\(name)")))
        let split = try #require(bytes.indices.dropLast().first { bytes[$0] == 0 && bytes[$0 + 1] == 0 })
        return (
            RegulationParser.parse(Array(bytes[..<split]), sourceName: "old"),
            RegulationParser.parse(Array(bytes[(split + 2)...]), sourceName: "new")
        )
    }

    /// "§ 2. 2. For en erhvervstilladelse …": the stray "2." is a sentence without a word, and reading its
    /// duty-bearer made the range `1..<0` (a crash of `paragraf diff` since the duties were first read).
    @Test func sentenceWithoutWords() throws {
        let (old, new) = try versions("fuzz-diff-sentence-without-words.txt")
        let sentence = try #require(old.document.nodeTable().node("p2/stk1/pkt1"))
        #expect(sentence.text == "2.")
        let diff = VersionDiff.compare(old, new)
        #expect(diff.duties.isEmpty)
        #expect(diff.summary.alignment["section"] == ["modified": 1, "unchanged": 2])
        let moved = try #require(diff.sections.first { $0.anchor == "s-p2-p2" }?.provisions.last)
        #expect(moved.old?.citation == "§ 2, stk. 1")
        #expect(moved.new?.citation == "§ 2, stk. 2")
        #expect(moved.segments.first?.operation == .delete)
        #expect(moved.segments.first?.old == "2.")
        // Same with the graphs given, and reading duties from no words at all.
        let withGraphs = VersionDiff.compare(
            old, new, oldGraph: ReferenceGraph(parsed: old), newGraph: ReferenceGraph(parsed: new))
        #expect(withGraphs == diff)
        #expect(DutyReader.duty(in: [Token]()) == nil)
        #expect(DutyReader.duty(in: Tokenizer.tokens(old.source, sentence.range.offsets)) == nil)
    }
}
