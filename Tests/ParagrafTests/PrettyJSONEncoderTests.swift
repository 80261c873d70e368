import Foundation
import Paragraf
import Testing

/// ``PrettyJSONEncoder`` must print exactly what Foundation's encoder prints with sorted keys, pretty
/// printing and unescaped slashes: every JSON output of Paragraf depends on it.
@Suite("Pretty JSON encoder")
struct PrettyJSONEncoderTests {
    func foundation<T: Encodable>(_ value: T, userInfo: [CodingUserInfoKey: any Sendable] = [:]) throws -> String {
        let encoder = JSONPieces.foundationEncoder()
        encoder.userInfo = userInfo
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func pretty<T: Encodable>(_ value: T, userInfo: [CodingUserInfoKey: any Sendable] = [:]) throws -> String {
        String(decoding: try PrettyJSONEncoder(userInfo: userInfo).encode(value), as: UTF8.self)
    }

    struct Scalars: Encodable {
        var text = "»§ 17, stk. 3« a/b \"q\" \\ tab\t nl\n cr\r bell\u{7} del\u{7F} é 😀"
        var numbers = [0.1, 380, 1e16, 1e-7, -0.0, 123_456.789, Double.pi, 2.5e-300, 540.25]
        var floats: [Float] = [0.1, 3, 1e10]
        var integers = [0, -1, Int.min, Int.max]
        var wide: [UInt64] = [UInt64.max, 0]
        var small: [Int8] = [Int8.min, 7]
        var flags = [true, false]
        var missing: String? = nil
        var present: Int? = 42
        var nothing: [Int] = []
        var emptyObject: [String: Int] = [:]
        var nested: [[String]] = [[], ["a"], []]
        var keys = ["a10": 1, "a9": 2, "B": 3, "a": 4, "æble": 5, "z": 6, "Z": 7, "_": 8, "": 9, "a\"b": 10]
    }

    @Test("Scalars, escapes, numbers, empty containers and key order match Foundation")
    func scalarsMatchFoundation() throws {
        let value = Scalars()
        #expect(try pretty(value) == (try foundation(value)))
    }

    /// A value written by hand: a key set twice, an explicit null, a nested unkeyed container in a keyed one.
    struct HandWritten: Encodable {
        enum Key: String, CodingKey { case b, a, list, object }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(1, forKey: .b)
            try c.encodeNil(forKey: .a)
            var list = c.nestedUnkeyedContainer(forKey: .list)
            try list.encode("x")
            try list.encodeNil()
            var inner = list.nestedContainer(keyedBy: Key.self)
            try inner.encode(true, forKey: .a)
            var object = c.nestedContainer(keyedBy: Key.self, forKey: .object)
            try object.encode(2.5, forKey: .b)
            try c.encode(3, forKey: .b)
        }
    }

    @Test("Hand-written containers: the last value of a repeated key, nulls, nesting")
    func handWrittenMatchesFoundation() throws {
        #expect(try pretty(HandWritten()) == (try foundation(HandWritten())))
        #expect(try pretty(HandWritten()).contains("\"b\" : 3"))
        #expect(try pretty([HandWritten(), HandWritten()]) == (try foundation([HandWritten(), HandWritten()])))
    }

    @Test("Top-level scalars and lists")
    func topLevel() throws {
        #expect(try pretty("a/b") == (try foundation("a/b")))
        #expect(try pretty(380.0) == "380")
        #expect(try pretty([Int]()) == "[\n\n]")
        #expect(try pretty([1, 2]) == (try foundation([1, 2])))
    }

    struct Dated: Encodable {
        var date = Date(timeIntervalSince1970: 1_600_000_000)
        var data = Data([1, 2, 3])
        var url = URL(string: "https://www.retsinformation.dk/eli/lta/2020/1")!
    }

    @Test("What Foundation prints its own way (dates, data, URLs) is handed to Foundation")
    func foundationTypesFallBack() throws {
        #expect(try pretty(Dated()) == (try foundation(Dated())))
    }

    @Test("A nested value is printed as deep as it is asked, its first line left to the caller")
    func nestedIndentation() throws {
        var out = Array("  ".utf8)
        try PrettyJSONEncoder().encode(["k": [1]], nestedBy: 2, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "  {\n    \"k\" : [\n      1\n    ]\n  }")
    }

    /// Positions and ranges in every kind of container, out of text order, past the text's end and repeated.
    struct Positions: Encodable {
        var range = SourceRange(start: SourcePosition(offset: 20), end: SourcePosition(offset: 3))
        var ranges = [SourceRange(5..<9), SourceRange(0..<0), SourceRange(17..<99), SourceRange(4..<12)]
        var positions = [SourcePosition(offset: 12), SourcePosition(offset: 6), SourcePosition(offset: 6), SourcePosition(offset: -3)]
        var byLine = ["late": SourcePosition(offset: 16), "early": SourcePosition(offset: 1)]
        var missing: SourceRange? = nil
    }

    @Test("Positions and ranges are written with line and column as Foundation writes them, in any order")
    func positionsMatchFoundation() throws {
        // Lines start at 0, 4, 5 (an empty line), 10 and 15; the text is 18 bytes long.
        let locations = SourceLocationConverter(lineStarts: [0, 4, 5, 10, 15], byteCount: 18)
        let userInfo: [CodingUserInfoKey: any Sendable] = [.sourceLocations: locations]
        let json = try pretty(Positions(), userInfo: userInfo)
        #expect(json == (try foundation(Positions(), userInfo: userInfo)))
        // 20..<3: its start clamped to the text's end, its end before its start, both kept as they are.
        #expect(
            json.contains(
                """
                  "range" : {
                    "end" : {
                      "column" : 4,
                      "line" : 1,
                      "offset" : 3
                    },
                    "start" : {
                      "column" : 4,
                      "line" : 5,
                      "offset" : 18
                    }
                  }
                """))
        #expect(json.contains("\"late\" : {\n      \"column\" : 2,\n      \"line\" : 5,\n      \"offset\" : 16\n    }"))
        #expect(
            try pretty(SourcePosition(offset: 99), userInfo: userInfo) == (try foundation(SourcePosition(offset: 99), userInfo: userInfo)))
    }

    @Test("A position without a converter in userInfo is an encoding error, not a guess")
    func positionWithoutConverterThrows() {
        #expect(throws: EncodingError.self) { try pretty(Positions()) }
        #expect(throws: EncodingError.self) { try pretty(SourcePosition(offset: 1)) }
    }

    @Test("A parsed corpus version prints as Foundation prints it")
    func corpusTreeMatchesFoundation() throws {
        for file in [TestSupport.v2003, TestSupport.v2020] {
            let parsed = try TestSupport.parse(file)
            let userInfo: [CodingUserInfoKey: any Sendable] = [.sourceLocations: parsed.source.locations]
            #expect(try pretty(parsed.document, userInfo: userInfo) == (try foundation(parsed.document, userInfo: userInfo)), "\(file)")
        }
    }
}
