import Paragraf
import Testing

/// ``SourceLocationConverter``'s line hint (what the JSON encoder walks positions with) must find the line
/// the search finds, whatever the hint and the order of the offsets.
@Suite("Source location converter")
struct SourceLocationConverterTests {
    /// Lines start at 0, 4, 5 and 5 (an empty line is one byte; two starts at one offset come from a bare CR
    /// table) and 10; the text is 14 bytes long.
    let locations = SourceLocationConverter(lineStarts: [0, 4, 5, 5, 10], byteCount: 14)

    @Test("Concrete lines and columns, clamped to the text")
    func concreteLocations() {
        var hint = 0
        #expect(locations.location(of: 0, lineHint: &hint) == LocatedPosition(offset: 0, line: 1, column: 1))
        #expect(locations.location(of: 4, lineHint: &hint) == LocatedPosition(offset: 4, line: 2, column: 1))
        #expect(hint == 1)
        #expect(locations.location(of: 7, lineHint: &hint) == LocatedPosition(offset: 7, line: 4, column: 3))
        #expect(locations.location(of: 40, lineHint: &hint) == LocatedPosition(offset: 14, line: 5, column: 5))
        #expect(locations.location(of: -2, lineHint: &hint) == LocatedPosition(offset: 0, line: 1, column: 1))
        #expect(hint == 0)
    }

    @Test("Every offset from every hint, forwards and backwards, gives what the search gives")
    func hintAgreesWithSearch() {
        for start in -1...6 {
            var forward = start
            for offset in -2...16 {
                #expect(locations.location(of: offset, lineHint: &forward) == locations.location(of: offset), "\(start) \(offset)")
            }
            var backward = start
            for offset in (-2...16).reversed() {
                #expect(locations.location(of: offset, lineHint: &backward) == locations.location(of: offset), "\(start) \(offset)")
            }
        }
    }
}
