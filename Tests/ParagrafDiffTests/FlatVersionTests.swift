import Foundation
import Testing
import Paragraf
import ParagrafTestSupport
@testable import ParagrafDiff

/// The diff's flat tables must say exactly what the tree and the public tokenizer say.
@Suite("Flat versions")
struct FlatVersionTests {
    @Test func citationsOfIDs() {
        #expect(Aligner.citation(kind: .subsection, id: "p17/stk3", number: "3") == "§ 17, stk. 3")
        #expect(Aligner.citation(kind: .item, id: "p2/stk1/nr4/a", number: "a") == "§ 2, stk. 1, nr. 4, litra a")
        #expect(Aligner.citation(kind: .section, id: "p4a", number: "4 a") == "§ 4 a")
        #expect(Aligner.citation(kind: .block, id: "bilag1/blk2", number: "2") == "bilag 1, afsnit 2")
        #expect(Aligner.citation(kind: .chapter, id: "kap4", number: "4") == "kapitel 4")
        #expect(Aligner.citation(kind: .part, id: "afsII", number: "II") == "afsII")
        #expect(Aligner.citation(kind: .preamble, id: "preamble", number: nil) == "indledning")
    }

    @Test func spaceSplitsAgreeWithTheStandardLibrary() throws {
        var texts = [
            "", " ", "a", "a b", "  a  b  ", "Amtsrådet skal – “tilbyde” … børne- og ungdomstandpleje § 3 stk. 2",
            "e \u{301}x y", "a\r\n b c", "α β γ δ ε ζ η θ ι κ λ", "one two three four five six seven eight nine ten eleven",
        ]
        for file in [corpus2003, corpus2020] {
            try parseFile(file).document.root.forEach { if let text = $0.text { texts.append(text) } }
        }
        for text in texts {
            for maxSplits in [0, 1, 3, 9] {
                let expected = text.split(separator: " ", maxSplits: maxSplits, omittingEmptySubsequences: true)
                #expect(FlatVersion.splitOnSpaces(text, maxSplits: maxSplits) == expected, "\(text)")
                var copy = text
                if let ranges = copy.withUTF8({ FlatVersion.splitRanges($0, maxSplits: maxSplits) }) {
                    let words = ranges.map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) }
                    #expect(words == expected.map(String.init), "\(text)")
                }
            }
        }
        let places: [(NodeID, NodeID)] = [
            ("p1/stk2/pkt1", "p1/stk2"), ("p1/stk2", "p1/stk2"), ("p1", "p1"), ("p1/stk2/nr3/a/pkt1", "p1/stk2"),
            ("bilag1/blk2", "bilag1"), ("p5~2/stk1/pkt1", "p5~2/stk1"), ("preamble", "preamble"),
        ]
        for (id, place) in places { #expect(CitationChecker.subsectionID(id) == place, "\(id)") }
    }

    /// Texts told equal from their bytes must be equal as built, and texts of unchanged provisions must be
    /// told equal.
    @Test func sameTextAgreesWithTheBuiltTexts() throws {
        let symbols = Symbols()
        let old = FlatVersion(try parseFile(corpus2003), symbols: symbols)
        let new = FlatVersion(try parseFile(corpus2020), symbols: symbols)
        var same = 0, compared = 0
        for (id, a, b) in tokenRangesOfSharedIDs(old, new) {
            for (pa, pb) in [(nil, nil), (a.lowerBound > 0 ? a.lowerBound - 1 : nil, b.lowerBound > 0 ? b.lowerBound - 1 : nil)] {
                let equal = old.text(a, previous: pa) == new.text(b, previous: pb)
                let told = old.sameText(a, previous: pa, as: new, b, previous: pb)
                if told { #expect(equal, "\(id)") }
                if a.count == b.count && equal { #expect(told, "\(id)") }
                same += told ? 1 : 0
                compared += 1
                #expect(old.sameText(a, previous: pa, as: old, a, previous: pa))
            }
        }
        #expect(same > 0 && same < compared)
    }

    /// Printable ASCII is never whitespace and the plain space is one byte, as the tokenizer's word breaks
    /// (through `Bytes.spaceLength`) assume.
    @Test func tokenizerSpaceShortcutAgreesWithBytes() {
        for c in UInt8(0x20)..<0x80 {
            let bytes: [UInt8] = [c, 0xA0, 0x80, 0x80]
            let length = bytes.withUnsafeBufferPointer { Bytes.spaceLength($0, 0) }
            #expect(length == (c == 0x20 ? 1 : 0), "\(c)")
        }
    }

    /// Every node's id finds a node with that id (the last one when an id repeats).
    @Test(arguments: [corpus2003, corpus2020])
    func nodeLookup(_ file: String) throws {
        let version = FlatVersion(try parseFile(file), symbols: Symbols())
        for k in version.nodes.indices {
            let found = try #require(version.node(version.nodes[k].id))
            #expect(found >= k && version.nodes[found].id == version.nodes[k].id)
        }
        #expect(version.node("p999") == nil)
    }

    /// Captions joined over bytes must be the ones joined from the standard library's strings.
    @Test(arguments: [corpus2003, corpus2020])
    func byteWiseCaptionsAgreeWithStrings(_ file: String) throws {
        let version = FlatVersion(try parseFile(file), symbols: Symbols())
        var fast = 0
        for k in version.nodes.indices {
            guard let head = version.byteWiseCaption(k) else { continue }
            #expect(head == version.standardCaption(k), "\(version.nodes[k].id)")
            fast += 1
        }
        #expect(fast > version.nodes.count / 2)
    }

    @Test func countTablesFindTheSameAnchorsAsDictionaries() {
        var rng = SplitMix64(seed: 7)
        let tables = SequenceDiff.SymbolTables(size: 64)
        for round in 0..<200 {
            let alphabet = round % 2 == 0 ? 8 : 64
            let n = Int(rng.next() % 400), m = Int(rng.next() % 400)
            let a = (0..<n).map { _ in Int(rng.next() % UInt64(alphabet)) }
            var b = a.shuffled(using: &rng)
            b = Array(b.prefix(m)) + (0..<Int(rng.next() % 50)).map { _ in Int(rng.next() % UInt64(alphabet)) }
            #expect(SequenceDiff.diff(a, b, symbols: tables) == SequenceDiff.diff(a, b))
        }
    }

    @Test(arguments: [corpus2003, corpus2020])
    func tokenTableMatchesTheTokenizer(_ file: String) throws {
        let parsed = try parseFile(file)
        let version = FlatVersion(parsed, symbols: Symbols())
        version.finalizeAll()
        for atom in version.atoms {
            let node = version.nodes[Int(atom.node)]
            let range = Int(atom.tokenStart)..<Int(atom.tokenEnd)
            let flat = range.map { version.token($0) }
            let first = flat.first?.offsets.lowerBound ?? node.range.start.offset
            let last = flat.last?.offsets.upperBound ?? first
            let reference = Tokenizer.tokens(parsed.source, first..<last)
            #expect(flat.map(\.text) == reference.map(\.text))
            #expect(flat.map(\.key) == reference.map(\.key))
            #expect(flat.map(\.kind) == reference.map(\.kind))
            #expect(flat.map(\.offsets) == reference.map(\.offsets))
        }
        // Latin-1 symbols and general punctuation are kept as they are by the byte-wise folding; others
        // (Ω, €, ﬁ, İ) go through the standard library.
        let text =
            "Amtsrådet ÆØÅ kæbe\u{2011}regionen ÉTAPE Ωmega 1.420 kr. § 3 – “x” … ‘a’ ½ °C µg ª º « » ¶ €5 ﬁne İ \u{2010}\u{203E}"
        let source = SourceText(bytes: Array(text.utf8))
        let symbols = Symbols()
        source.bytes.withUnsafeBufferPointer { b in
            for token in Tokenizer.tokens(source, 0..<source.bytes.count) {
                let id = symbols.intern(b, token.offsets.lowerBound, token.offsets.upperBound)
                #expect(symbols.key(provisional: id) == token.key)
            }
        }
    }

    /// The scorer that spreads one bag over a table must give the merge's similarity bit for bit, and the
    /// weight bound must never rule out a pair that reaches the bar.
    @Test func scorerAgreesWithTheMerge() throws {
        let old = try parseFile(corpus2003), new = try parseFile(corpus2020)
        let symbols = Symbols()
        let ov = FlatVersion(old, symbols: symbols), nv = FlatVersion(new, symbols: symbols)
        let ob = UnitBuilder(ov), nb = UnitBuilder(nv)
        for kind in [NodeKind.section, .subsection, .item] {
            var ou = ov.all(kind).enumerated().map { ob.unit($1, index: $0) }
            var nu = nv.all(kind).enumerated().map { nb.unit($1, index: $0) }
            let idf = IDF([ou, nu])
            for i in ou.indices { ou[i].weight = idf.totalWeight(ou[i]) }
            for j in nu.indices { nu[j].weight = idf.totalWeight(nu[j]) }
            let scorer = IDF.Scorer(idf)
            var compared = 0
            for (a, bs) in [(ou, nu), (nu, ou)] {
                for x in a {
                    scorer.load(x)
                    for y in bs {
                        let merged = idf.similarity(x, y)
                        #expect(scorer.similarity(y).bitPattern == merged.bitPattern)
                        for threshold in [0.3, 0.4, 0.5, 0.62] where !idf.canReach(x, y, threshold) {
                            #expect(merged < threshold)
                        }
                        compared += 1
                    }
                }
            }
            #expect(compared > 0)
        }
    }

    /// A hostile run without a break (150 000 bytes of "æ" and "a") is cut into tokens of at most 64 KiB, each
    /// ending on a character boundary, that together cover the run.
    @Test func overlongRunsAreCutIntoBoundedTokens() {
        let run = String(repeating: "æa", count: 50_000)  // 150 000 bytes
        let source = SourceText(bytes: Array("før \(run) efter".utf8))
        let tokens = Tokenizer.tokens(source, 0..<source.bytes.count)
        #expect(tokens.map(\.offsets.count) == [4, 65_535, 65_535, 18_930, 5])
        #expect(tokens[1..<4].map(\.text).joined() == run)
        #expect(tokens.allSatisfy { $0.kind == .word })
    }

    /// A token's key gets one provisional id whichever way it is interned: from the source bytes (short
    /// ASCII tokens read as words, others folded byte-wise) or as an already folded string.
    @Test(arguments: [corpus2003, corpus2020])
    func internedIDsDoNotDependOnThePath(_ file: String) throws {
        let parsed = try parseFile(file)
        var bytes = parsed.source.bytes
        // Upper-case copies of the text exercise the lower-casing of whole words.
        bytes += Array(String(decoding: bytes, as: UTF8.self).uppercased().utf8)
        let source = SourceText(bytes: bytes)
        for order in 0..<2 {
            let symbols = Symbols()
            let tokens = Tokenizer.tokens(source, 0..<source.bytes.count)
            source.bytes.withUnsafeBufferPointer { b in
                for token in order == 0 ? tokens : tokens.reversed() {
                    let fromBytes = symbols.intern(b, token.offsets.lowerBound, token.offsets.upperBound)
                    let fromString = symbols.intern(token.key)
                    #expect(fromBytes == fromString, "\(token.text)")
                    #expect(symbols.key(provisional: fromBytes) == token.key)
                }
            }
        }
    }

    /// Every unit's bag (read off a bitmap for units with many keys, sorted otherwise) must be the
    /// definition: the comparison keys of its tokens, counted, in ascending key order.
    @Test(arguments: [corpus2003, corpus2020])
    func bagsAreTheSortedCountsOfTheTokens(_ file: String) throws {
        let parsed = try parseFile(file)
        let version = FlatVersion(parsed, symbols: Symbols())
        let builder = UnitBuilder(version)
        var large = 0
        for (k, node) in version.nodes.enumerated() where node.kind != .document {
            let unit = builder.unit(k, index: 0)
            var counts: [Int: Int] = [:]
            for t in Int(node.tokenStart)..<Int(node.tokenEnd) where version.symbols.bag(version.tokens[t]) >= 0 {
                counts[Int(version.symbols.bag(version.tokens[t])), default: 0] += 1
            }
            let expected = counts.sorted { $0.key < $1.key }
            #expect(unit.bag.map(\.key) == expected.map(\.key), "\(node.id)")
            #expect(unit.bag.map(\.count) == expected.map(\.value), "\(node.id)")
            if unit.bag.count >= 16 { large += 1 }
        }
        #expect(large > 0)
    }

    /// A chapter's bag added up from its §§' bags must be the bag read from its tokens.
    @Test(arguments: [corpus2003, corpus2020])
    func bagsAddedUpFromSectionsAreTheTokensBags(_ file: String) throws {
        let version = FlatVersion(try parseFile(file), symbols: Symbols())
        let builder = UnitBuilder(version)
        let sections = version.all(.section).enumerated().map { builder.unit($1, index: $0) }
        var chapters = 0
        for c in version.all(.chapter) {
            let whole = builder.unit(c, index: 0)
            let added = builder.unit(c, index: 0, parts: Aligner.units(sections, inside: c, of: version))
            #expect(added.bag == whole.bag, "\(version.nodes[c].id)")
            chapters += 1
        }
        #expect(chapters > 0)
    }

    /// Duties read from the token table (interned keys, lexicon facts cached per key) must be the ones
    /// read from the tree's tokens.
    @Test(arguments: [corpus2003, corpus2020])
    func dutiesFromTheTokenTableMatchTheTree(_ file: String) throws {
        let parsed = try parseFile(file)
        let version = FlatVersion(parsed, symbols: Symbols())
        var byID: [NodeID: Node] = [:]
        parsed.document.root.forEach { byID[$0.id] = $0 }
        var found = 0
        for k in version.nodes.indices where version.nodes[k].kind == .subsection {
            let node = try #require(byID[version.nodes[k].id])
            let flat = DutyReader.duties(in: k, of: version)
            let tree = DutyReader.duties(in: node, source: parsed.source)
            #expect(flat.map(\.duty) == tree.map(\.duty), "\(node.id)")
            #expect(flat.map(\.range) == tree.map(\.range), "\(node.id)")
            found += flat.count
        }
        #expect(found > 0)
    }
}
