import ParagrafTestSupport
import Testing

@testable import ParagrafReferences

/// The extractor never reads outside the text it is given and never stops making progress, whatever the bytes.
@Suite("Resilience")
struct ResilienceTests {
    static let dense =
        "I medfør af § 4 a, stk. 2, §§ 26-29 og 1, i lov om social service, jf. lovbekendtgørelse nr. 903 af 26. august 2019, jf. dog stk. 1, 2). forordning (EF) nr. 883/2004, sundhedslovens 64 b, LAS §82/§82a, kapitel 1-5, bilag 1 til bekendtgørelsen, 3. pkt., nr. 4, 5 og 7"

    @Test("Every prefix and suffix of a dense citation text")
    func truncations() {
        let bytes = Array(Self.dense.utf8)
        for cut in 0...bytes.count {
            for slice in [Array(bytes[..<cut]), Array(bytes[cut...])] {
                let source = SourceText(bytes: slice)
                for citation in CitationExtractor().citations(in: source, range: 0..<slice.count, nodeID: "p1/stk1/pkt1")
                    + CitationExtractor().citations(inProse: source)
                {
                    #expect(citation.span.start.offset >= 0 && citation.span.end.offset <= slice.count)
                    #expect(citation.span.start.offset < citation.span.end.offset)
                }
            }
        }
    }

    @Test("A byte range inside a larger text: nothing is read from outside it")
    func bounded() {
        let text = "§ 12, stk. 3 og § 14"
        let source = SourceText(bytes: Array(text.utf8))
        // Only "§ 12, stk." is in range: the stk. number lies outside, so the citation is § 12 alone.
        let found = CitationExtractor().citations(in: source, range: 0..<11, nodeID: nil)
        #expect(found.map(\.text) == ["§ 12"])
    }

    @Test("Random bytes, with citation fragments mixed in")
    func randomBytes() {
        var generator = SplitMix64(seed: 20_260_622)
        let fragments = ["§", "§§ ", "stk. ", "nr. ", " og ", ", ", "-", "1", "2", "a", " i ", "lov om ", ". pkt.", ")", "\u{00A0}", "\n"]
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 60) {
                if generator.next() % 2 == 0 {
                    bytes += Array(fragments[Int(generator.next() % UInt64(fragments.count))].utf8)
                } else {
                    bytes.append(UInt8(truncatingIfNeeded: generator.next()))
                }
            }
            let source = SourceText(bytes: bytes)
            let found = CitationExtractor().citations(inProse: source)
            #expect(found.allSatisfy { $0.span.end.offset <= bytes.count && $0.span.start.offset < $0.span.end.offset })
            // Citations come in order and do not overlap.
            #expect(zip(found, found.dropFirst()).allSatisfy { $0.span.end.offset <= $1.span.start.offset })
        }
    }
}
