import Foundation
import Testing

@testable import Paragraf

/// Dataset documents built to hurt: truncated, mistyped, huge, deeply nested, empty, enormous. Each is read
/// without a crash, keeps what could be read and says what it found with a line:column in the file.
@Suite("Dataset reader: hostile inputs")
struct DatasetHostileInputTests {
    static func read(_ text: String) -> ParsedDocument { DatasetReader.read(Array(text.utf8), sourceName: "h.json") }

    static func diagnostics(_ parsed: ParsedDocument) -> [String] {
        parsed.document.diagnostics.filter { $0.code != DatasetDiagnosticCode.partial }.map {
            "\($0.code)@\(parsed.source.locations.location(of: $0.range.start))"
        }
    }

    @Test("truncated in the middle of a provision: the provisions before it are kept, D001 at the end")
    func truncated() throws {
        let bytes = try TestSupport.bytes("fixtures/dataset/2024_871.json")
        // Cut inside the content of § 21 (line 137).
        let text = String(decoding: bytes, as: UTF8.self)
        let cut = try #require(text.range(of: "§ 21. Regionsrådet skal"))
        let prefix = Array(text[..<cut.upperBound].utf8)
        let parsed = DatasetReader.read(prefix, sourceName: "cut.json")
        // The provision cut off is kept as far as it goes; the error says where the input ends.
        #expect(parsed.document.sections.count == 21)
        #expect(parsed.document.sections.last?.plainText == "Regionsrådet skal")
        let d001 = try #require(parsed.document.diagnostics.first { $0.code == DatasetDiagnosticCode.malformed })
        #expect(d001.severity == .error)
        #expect("\(parsed.source.locations.location(of: d001.range.start))" == "135:15")
        #expect(d001.message.contains("ends inside the string"))
    }

    @Test("wrong types: each is reported at its value and read as absent")
    func wrongTypes() {
        let parsed = Self.read(
            """
            {"title": 17, "issued_date": ["2020"], "provisions": [
              {"chapter": 1, "section": 1, "content": "§ 1. Tal er tilladt som kapitel og paragraf."},
              {"chapter": "1", "section": "2", "content": {"text": "§ 2."}},
              "§ 3. Ikke et objekt."
            ]}
            """)
        #expect(parsed.document.metadata.title == nil)
        #expect(parsed.document.sections.map(\.id) == ["p1"])
        #expect(parsed.document.chapters.map(\.id) == ["kap1"])
        #expect(
            Self.diagnostics(parsed) == ["D003@1:11", "D003@1:30", "D003@3:47", "D003@4:3"])
        let provisions = Self.read(#"{"title": "x", "provisions": {"1": "§ 1."}}"#)
        #expect(Self.diagnostics(provisions) == ["D003@1:30"])
        #expect(Self.read("[1, 2]").document.diagnostics.map(\.code) == [DatasetDiagnosticCode.wrongType])
    }

    @Test("a provision with no text, an empty one and one without content: warnings, no nodes")
    func emptyProvisions() {
        let parsed = Self.read(
            #"{"title": "x", "provisions": [{"section": "1", "content": ""}, {"section": "2", "content": "   "}, {"section": "3"}, {"section": "4", "content": null}, {"section": "5", "content": "§ 5. Tekst."}]}"#
        )
        #expect(parsed.document.sections.map(\.id) == ["p5"])
        #expect(Self.diagnostics(parsed) == ["D005@1:60", "D005@1:93", "D005@1:100", "D005@1:118"])
    }

    @Test("a 5 MB string: one provision, its sentences found")
    func hugeString() {
        let sentence = "Kommunen tilbyder tandpleje til børn og unge. "
        let body = String(repeating: sentence, count: 5_000_000 / sentence.utf8.count)
        let parsed = Self.read(#"{"title": "x", "provisions": [{"section": "1", "content": "§ 1. "# + body + #""}]}"#)
        #expect(parsed.document.sections.count == 1)
        var sentences = 0
        parsed.document.root.forEach { if $0.kind == .sentence { sentences += 1 } }
        #expect(sentences == 5_000_000 / sentence.utf8.count)
        #expect(Self.diagnostics(parsed).isEmpty)
    }

    @Test("nesting a million levels deep: D002, no stack overflow")
    func deepNesting() {
        let deep = String(repeating: "[", count: 1_000_000)
        let parsed = Self.read(#"{"title": "x", "provisions": [{"section": "1", "content": "§ 1. Tekst."}], "extra": "# + deep)
        #expect(parsed.document.sections.count == 1)
        #expect(Self.diagnostics(parsed) == ["D002@1:149"])
        let closed = Self.read(String(repeating: "[", count: 100) + String(repeating: "]", count: 100))
        #expect(Self.diagnostics(closed) == ["D003@1:1", "D002@1:65"])
    }

    @Test("100 000 provisions: every § read with a unique id")
    func manyProvisions() {
        var text = #"{"title": "Stor", "provisions": ["#
        for k in 1...100_000 {
            if k > 1 { text += "," }
            text += #"{"chapter": "\#(k / 1000 + 1)", "section": "\#(k)", "content": "§ \#(k). Kommunen skal. Stk. 2. Regionen kan."}"#
        }
        text += "]}"
        let parsed = Self.read(text)
        #expect(parsed.document.sections.count == 100_000)
        #expect(parsed.document.chapters.count == 101)
        #expect(parsed.document.sections.last?.id == "p100000")
        #expect(Set(parsed.document.sections.map(\.id)).count == 100_000)
        #expect(Self.diagnostics(parsed).isEmpty)
    }

    @Test("invalid UTF-8, broken escapes, trailing JSON, empty input, not JSON")
    func brokenBytes() {
        var bytes = Array(#"{"title": "x", "provisions": [{"section": "1", "content": "§ 1. Kommunen "#.utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(#" skal \x tilbyde."}]}"#.utf8)
        let parsed = DatasetReader.read(bytes, sourceName: "bad.json")
        #expect(parsed.document.sections.count == 1)
        #expect(Self.diagnostics(parsed) == ["D007@1:75"])
        #expect(parsed.document.sections[0].plainText == "Kommunen \u{FFFD}\u{FFFD} skal \u{FFFD} tilbyde.")

        let two = Self.read("{\"title\": \"x\", \"provisions\": []}\n{\"provisions\": []}\n")
        #expect(Self.diagnostics(two) == ["D004@1:30", "D008@2:1"])
        #expect(Self.read("").document.diagnostics.map(\.code) == [DatasetDiagnosticCode.malformed])
        #expect(Self.diagnostics(Self.read("{\"provisions\": [tru")) == ["D001@1:17"])
        #expect(Self.diagnostics(Self.read("{\"provisions\" [")) == ["D001@1:15"])
    }
}
