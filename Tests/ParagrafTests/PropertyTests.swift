import Foundation
import ParagrafTestSupport
import Testing

@testable import Paragraf

/// Where the corpus and the shared samples are, relative to this file.
enum TestFiles {
    static let packageRoot = ParagrafCLI.packageRoot

    static func corpus(_ name: String) throws -> [UInt8] {
        let url = packageRoot.appendingPathComponent("corpus/tandpleje/\(name)")
        return [UInt8](try Data(contentsOf: url))
    }

    static let corpusNames = ["2003-bek-tandpleje.txt", "2020-bek-tandpleje.txt"]
}

/// The atom invariant: every non-whitespace byte of the source lies in exactly one atom (a leaf's
/// range, a label range or a title range).
enum Atoms {
    struct Violation: CustomStringConvertible {
        var offset: Int
        var count: Int
        var context: String
        var description: String { "byte \(offset) lies in \(count) atoms: \(context)" }
    }

    /// The atoms of `node` and its descendants. A node with text is a leaf; a childless container
    /// (a chapter holding only its heading) contributes its label and title only.
    static func collect(_ node: Node, into atoms: inout [Range<Int>]) {
        if node.children.isEmpty && node.text != nil { atoms.append(node.range.offsets) }
        if let label = node.labelRange { atoms.append(label.offsets) }
        if let title = node.titleRange { atoms.append(title.offsets) }
        for child in node.children { collect(child, into: &atoms) }
    }

    /// The bytes that break the invariant (at most `limit` of them).
    static func violations(_ parsed: ParsedDocument, limit: Int = 5) -> [Violation] {
        let bytes = parsed.source.bytes
        var atoms: [Range<Int>] = []
        collect(parsed.document.root, into: &atoms)
        var counts = [UInt8](repeating: 0, count: bytes.count + 1)
        var result: [Violation] = []
        for atom in atoms {
            guard atom.lowerBound >= 0, atom.upperBound <= bytes.count, atom.lowerBound <= atom.upperBound else {
                result.append(Violation(offset: atom.lowerBound, count: -1, context: "range \(atom) outside the source"))
                continue
            }
            for i in atom where counts[i] < 255 { counts[i] += 1 }
        }
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count, result.count < limit {
                let space = Bytes.spaceLength(b, i)
                if space > 0 {
                    i += space
                    continue
                }
                if counts[i] != 1 {
                    let from = max(0, i - 30)
                    let to = min(b.count, i + 30)
                    let context = String(decoding: b[from..<to], as: UTF8.self)
                    result.append(Violation(offset: i, count: Int(counts[i]), context: "…\(context)…"))
                }
                i += 1
            }
        }
        return result
    }
}

/// Random edits of real regulation text: deletions, insertions of markers and noise, duplicated
/// chunks, truncation in the middle of a character.
enum Mutator {
    static let tokens: [[UInt8]] =
        [
            "§ 7.", "§§ 3-5.", "§ 4 a.", "§ 99999.", "Stk. 2.", "Stk.3.", "Stk. 9", "1) ", "2) ", "a) ", "b)", "Kapitel 3 ",
            "KAPITEL IV", "1. kapitel ", "Afsnit II ", "Bilag 2 ", "BILAG 1", "\n", "\n\n", "\r\n", ". ", ": ", "(Ophævet)",
            "\u{A0}", "\u{2011}", "\u{FEFF}", "Ministeriet, den 1. januar 2004 ", "jf. § 1, stk. 1, ", "§", "§§", " i ",
            "Bekendtgørelse om ", "I medfør af ", "fastsættes:", "\t", "\u{3000}",
        ].map { Array($0.utf8) } + [[0xC2], [0xE2, 0x80], [0xFF], [0x00], [0xA7], [0x0D]]

    static func mutate(_ input: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        let edits = Int.random(in: 1...8, using: &rng)
        for _ in 0..<edits {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0:
                let length = Int.random(in: 1...200, using: &rng)
                bytes.removeSubrange(at..<min(bytes.count, at + length))
            case 1:
                let length = Int.random(in: 1...40, using: &rng)
                bytes.insert(contentsOf: (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }, at: at)
            case 2, 3:
                bytes.insert(contentsOf: tokens.randomElement(using: &rng)!, at: at)
            case 4:
                guard bytes.count > 1 else { continue }
                let from = Int.random(in: 0..<bytes.count, using: &rng)
                let chunk = bytes[from..<min(bytes.count, from + Int.random(in: 1...2000, using: &rng))]
                bytes.insert(contentsOf: Array(chunk), at: at)
            default:
                if at < bytes.count, Bool.random(using: &rng) {
                    bytes[at] ^= UInt8.random(in: 1...255, using: &rng)
                } else if Int.random(in: 0..<8, using: &rng) == 0 {
                    bytes.removeSubrange(at..<bytes.count)
                }
            }
        }
        return bytes
    }
}

@Suite("Property: every byte is placed, rendering round-trips")
struct PropertyTests {
    @Test("the corpus satisfies the atom invariant", arguments: TestFiles.corpusNames)
    func corpusAtoms(name: String) throws {
        let parsed = RegulationParser.parse(try TestFiles.corpus(name), sourceName: name)
        let violations = Atoms.violations(parsed)
        #expect(violations.isEmpty, "\(violations)")
    }

    /// 300 mutations per corpus version; a failure names the case index, which replays it.
    @Test("random mutations of the corpus satisfy the atom invariant", arguments: TestFiles.corpusNames)
    func mutatedAtoms(name: String) throws {
        let seed = try TestFiles.corpus(name)
        var rng = SplitMix64(seed: name.hasPrefix("2003") ? 2003 : 2020)
        for index in 0..<300 {
            let input = Mutator.mutate(seed, using: &rng)
            let parsed = RegulationParser.parse(input, sourceName: "\(name)#\(index)")
            let violations = Atoms.violations(parsed)
            #expect(violations.isEmpty, "case \(index): \(violations)")
            if !violations.isEmpty { break }
        }
    }

    @Test("the atom check finds a dropped leaf and a doubled one")
    func atomCheckCanFail() throws {
        let parsed = RegulationParser.parse(try TestFiles.corpus("2020-bek-tandpleje.txt"))
        #expect(Atoms.violations(parsed).isEmpty)
        var dropped = parsed
        let chapter = try #require(parsed.document.root.children.firstIndex { $0.kind == .chapter })
        dropped.document.root.children[chapter].children.removeLast()  // the last § of Kapitel 1
        let missing = Atoms.violations(dropped, limit: 1)
        #expect(missing.first?.count == 0)
        var doubled = parsed
        doubled.document.root.children.append(parsed.document.root.children[chapter])
        #expect(Atoms.violations(doubled, limit: 1).first?.count == 2)
    }

    @Test("rendering a tree to text and parsing it again gives the same tree", arguments: TestFiles.corpusNames)
    func roundTrip(name: String) throws {
        let first = RegulationParser.parse(try TestFiles.corpus(name), sourceName: name).document
        let text = PlainTextFormatter().format(first)
        let second = RegulationParser.parse(text: text, sourceName: name + ".rendered").document
        #expect(first.sections.count > 20)
        let difference = firstDifference(first.root, second.root)
        #expect(difference == nil, "\(difference ?? "")")
        #expect(first.root.isContentEqual(to: second.root))
        // A second round gives the same text: the layout is a fixed point.
        #expect(PlainTextFormatter().format(second) == text)
    }

    @Test("the rendered layout puts one heading or subsection per line")
    func renderedLayout() throws {
        let document = RegulationParser.parse(try TestFiles.corpus("2020-bek-tandpleje.txt")).document
        let lines = PlainTextFormatter().format(document).split(separator: "\n")
        #expect(lines.first == "Bekendtgørelse om tandpleje")
        #expect(lines.contains { $0.hasPrefix("Kapitel 1 Børne- og ungdomstandpleje") })
        #expect(lines.contains { $0.hasPrefix("§ 1. Den vederlagsfri forebyggende") })
        #expect(lines.contains { $0.hasPrefix("Stk. 2. Kommunalbestyrelsen er endvidere ansvarlig") })
        #expect(lines.contains { $0.hasPrefix("1) Generel forebyggelse og sundhedsfremme") })
    }

    /// `Bytes.normalized` skips runs eight bytes at a time and copies normal text straight through;
    /// compare it with the plain definition on random strings of the bytes that matter.
    @Test("Bytes.normalized equals the one-byte-at-a-time definition")
    func normalizedMatchesReference() {
        let pieces: [[UInt8]] = [
            [0x20], [0x20, 0x20], [0x0A], [0x09], [0x0D], [0x00], [0x7F], [0xC2, 0xA0], [0xC2, 0xA7], [0xE2, 0x80, 0x93],
            [0xE2, 0x80, 0x8B], [0xE3, 0x80, 0x80], [0xEF, 0xBB, 0xBF], [0xC3, 0xA6], Array("Stk. 2.".utf8),
            Array("abcdefghijkl".utf8), Array("§ 17".utf8), [0xE2], [0xC2],
            // Eight-byte steps that end on a space before another space (the 2003 text's "måneder  regnet").
            Array("måneder  regnet".utf8), Array("ab cd".utf8), Array("x ".utf8), Array("1234567 ".utf8),
        ]
        func reference(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
            var out: [UInt8] = []
            var i = start
            var pending = false
            while i < end {
                let n = Bytes.spaceLength(b, i)
                if n > 0 {
                    pending = !out.isEmpty
                    i += n
                    continue
                }
                if pending {
                    out.append(0x20)
                    pending = false
                }
                out += b[i] < 0x20 || b[i] == 0x7F ? [0xEF, 0xBF, 0xBD] : [b[i]]
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
        var rng = SplitMix64(seed: 42)
        for index in 0..<20000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...16, using: &rng) { bytes += pieces.randomElement(using: &rng)! }
            bytes.withUnsafeBufferPointer { b in
                let start = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &rng)
                let end = Int.random(in: start...b.count, using: &rng)
                #expect(Bytes.normalized(b, start, end) == reference(b, start, end), "case \(index): \(bytes)")
            }
        }
    }

    /// The path to the first node where two trees differ, for a readable failure.
    func firstDifference(_ a: Node, _ b: Node, path: String = "") -> String? {
        let here = path + "/" + a.id.description
        if a.kind != b.kind || a.number != b.number || a.title != b.title || a.text != b.text
            || a.isRepealed != b.isRepealed
        {
            return
                "\(here): \(a.kind) \(a.number ?? "") \(a.title ?? "") \(a.text ?? "") ≠ \(b.kind) \(b.number ?? "") \(b.title ?? "") \(b.text ?? "")"
        }
        for (x, y) in zip(a.children, b.children) {
            if let d = firstDifference(x, y, path: here) { return d }
        }
        if a.children.count != b.children.count {
            return
                "\(here): \(a.children.count) children ≠ \(b.children.count): \(a.children.map(\.id).suffix(3)) vs \(b.children.map(\.id).suffix(3))"
        }
        return nil
    }
}
