import Foundation
import Paragraf
import ParagrafTestSupport
import Testing

@testable import ParagrafDiff

/// The diff's flat tables must say exactly what the tree and the public tokenizer say.
@Suite("Flat versions")
struct FlatVersionTests {
    /// Printable ASCII is never whitespace and the plain space is one byte, as the tokenizer's word breaks
    /// (through `Bytes.spaceLength`) assume.
    @Test func tokenizerSpaceShortcutAgreesWithBytes() {
        for c in UInt8(0x20)..<0x80 {
            let bytes: [UInt8] = [c, 0xA0, 0x80, 0x80]
            let length = bytes.withUnsafeBufferPointer { Bytes.spaceLength($0, 0) }
            #expect(length == (c == 0x20 ? 1 : 0), "\(c)")
        }
    }

    /// The citation of a node is the description of the ``Address`` its id stands for.
    @Test func citationsOfIDs() {
        #expect(ProvisionRef.citation(kind: .subsection, id: "p17/stk3", number: "3") == "§ 17, stk. 3")
        #expect(ProvisionRef.citation(kind: .subsection, id: "p17a/stk3", number: "3") == "§ 17 a, stk. 3")
        #expect(ProvisionRef.citation(kind: .item, id: "p2/stk1/nr4/a", number: "a") == "§ 2, stk. 1, nr. 4, litra a")
        #expect(ProvisionRef.citation(kind: .sentence, id: "p12/stk1/nr3/pkt2", number: "2") == "§ 12, stk. 1, nr. 3, 2. pkt.")
        #expect(ProvisionRef.citation(kind: .section, id: "p4a", number: "4 a") == "§ 4 a")
        #expect(ProvisionRef.citation(kind: .block, id: "bilag1/blk2", number: "2") == "bilag 1, afsnit 2")
        #expect(ProvisionRef.citation(kind: .chapter, id: "kap4", number: "4") == "kapitel 4")
        #expect(ProvisionRef.citation(kind: .part, id: "afsII", number: "II") == "afsII")
        #expect(ProvisionRef.citation(kind: .preamble, id: "preamble", number: nil) == "indledning")
    }

    /// Ids read as paths: the first step, the subsection holding a leaf, one id inside another.
    @Test func idPaths() {
        #expect(IDPath.first("p17/stk3/pkt2") == "p17")
        #expect(IDPath.first("p17") == "p17")
        #expect(IDPath.subsection("p1/stk2/pkt1") == "p1/stk2")
        #expect(IDPath.subsection("p1/stk2/nr3/a/pkt1") == "p1/stk2")
        #expect(IDPath.subsection("p5~2/stk1/pkt1") == "p5~2/stk1")
        #expect(IDPath.subsection("p1/pkt1") == "p1")
        #expect(IDPath.subsection("bilag1/blk2") == "bilag1")
        #expect(IDPath.subsection("preamble") == "preamble")
        #expect(IDPath.covers("p17", "p17/stk3") && IDPath.covers("p17/stk3", "p17") && IDPath.covers("p17", "p17"))
        #expect(!IDPath.covers("p1", "p12") && !IDPath.covers("p1/stk2", "p1/stk3"))
        #expect(IDPath.dashed("p17/stk3/nr2") == "p17-stk3-nr2")
    }

    /// A caption is the title, or the first eight words of the provision's leaves.
    @Test func captions() throws {
        let version = FlatVersion(try parseFile(corpus2020), symbols: Symbols())
        let p21 = try #require(version.nodes.row(of: "p21"))
        #expect(version.caption(p21) == "Regionsrådet skal tilbyde børn og unge under 18 …")
        let chapter = try #require(version.nodes.rows(.chapter).first)
        #expect(version.caption(chapter) == version.nodes.node(at: chapter).title)
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

    /// The weight bound must never rule out a pair that reaches the bar.
    @Test func weightBoundNeverRulesOutAPairThatReachesTheBar() throws {
        let old = try parseFile(corpus2003)
        let new = try parseFile(corpus2020)
        let symbols = Symbols()
        let ov = FlatVersion(old, symbols: symbols)
        let nv = FlatVersion(new, symbols: symbols)
        let ob = UnitBuilder(ov)
        let nb = UnitBuilder(nv)
        for kind in [NodeKind.section, .subsection, .item] {
            var ou = ov.nodes.rows(kind).enumerated().map { ob.unit($1, index: $0) }
            var nu = nv.nodes.rows(kind).enumerated().map { nb.unit($1, index: $0) }
            let idf = IDF([ou, nu])
            for i in ou.indices { ou[i].weight = idf.totalWeight(ou[i]) }
            for j in nu.indices { nu[j].weight = idf.totalWeight(nu[j]) }
            var compared = 0
            var ruledOut = 0
            for (a, bs) in [(ou, nu), (nu, ou)] {
                for x in a {
                    for y in bs {
                        let merged = idf.similarity(x, y)
                        for threshold in [0.3, 0.4, 0.5, 0.62] where !idf.canReach(x, y, threshold) {
                            #expect(merged < threshold)
                            ruledOut += 1
                        }
                        compared += 1
                    }
                }
            }
            #expect(compared > 0 && ruledOut > 0)
        }
    }

    /// A stk., nr. or pkt. cited from its parent's citation (``Address/citation(of:parent:parentKind:parentCitation:)``)
    /// reads as the address of its id does, for every node of real texts: the tandpleje versions, an act with
    /// lettered items and litra, and texts with repeated numbers.
    @Test func chainedCitationsReadAsTheAddresses() throws {
        let recall = try FileManager.default.contentsOfDirectory(
            atPath: packageRoot.appendingPathComponent("fixtures/parser-recall").path
        ).filter { $0.hasSuffix(".txt") }.sorted().map { "fixtures/parser-recall/" + $0 }
        #expect(recall.count >= 27)
        var nodes = 0
        var chained = 0
        for file in [corpus2003, corpus2020] + recall {
            let (n, c) = try chainedCitations(file)
            nodes += n
            chained += c
        }
        // Most nodes are stk., nr. and pkt. cited from their parents.
        #expect(chained > nodes / 2, "\(chained) of \(nodes)")
    }

    /// Checks every node's citation in `file` against its address; the number of nodes and of chained citations.
    private func chainedCitations(_ file: String) throws -> (Int, Int) {
        let version = FlatVersion(try parseFile(file), symbols: Symbols())
        var chained = 0
        for row in 0..<version.nodes.count {
            let kind = version.nodes.kind(at: row)
            let numbered = kind == .chapter || kind == .annex || kind == .block
            let expected = ProvisionRef.citation(
                kind: kind, id: version.nodes.id(at: row), number: numbered ? version.nodes.node(at: row).number : nil)
            #expect(version.citation(row) == expected, "\(version.nodes.id(at: row))")
            if let parent = version.nodes.parent(of: row),
                Address.citation(
                    of: version.nodes.id(at: row), parent: version.nodes.id(at: parent), parentKind: version.nodes.kind(at: parent),
                    parentCitation: version.citation(parent)) != nil
            {
                chained += 1
            }
        }
        return (version.nodes.count, chained)
    }

    /// Era terms fold to their class whether a key is read by id (plain keys: the terms are interned first) or
    /// by string (a decomposed "å" equals the term as strings compare).
    @Test func eraTermsFoldByIdAndByString() {
        let symbols = Symbols()
        let composed = symbols.intern("amtsrådet")
        let decomposed = symbols.intern("amtsra\u{30A}det")
        let region = symbols.intern("regionsrådet")
        #expect(composed != decomposed)
        #expect(symbols.era(composed) >= 0)
        #expect(symbols.era(decomposed) == symbols.era(composed))
        #expect(symbols.era(region) == symbols.era(composed))
        #expect(symbols.key(provisional: symbols.era(region)) == "⟨råd⟩")
        #expect(symbols.era(symbols.intern("tandpleje")) == -1)
        #expect(symbols.era(symbols.intern("børnetandpleje")) == -1)
    }

    /// The matcher's scorer (one unit's bag spread by key) gives every pair of the 2003 and 2020 texts the
    /// same `Double` as the merge of the two bags, in either direction.
    @Test func scorerEqualsTheMergeBitForBit() throws {
        let symbols = Symbols()
        let ov = FlatVersion(try parseFile(corpus2003), symbols: symbols)
        let nv = FlatVersion(try parseFile(corpus2020), symbols: symbols)
        var ou = ov.nodes.rows(.subsection).enumerated().map { UnitBuilder(ov).unit($1, index: $0) }
        var nu = nv.nodes.rows(.subsection).enumerated().map { UnitBuilder(nv).unit($1, index: $0) }
        let idf = IDF([ou, nu])
        for i in ou.indices { ou[i].weight = idf.totalWeight(ou[i]) }
        for j in nu.indices { nu[j].weight = idf.totalWeight(nu[j]) }
        var scorer = BagScorer(idf)
        var compared = 0
        var positive = 0
        for (a, bs) in [(ou, nu), (nu, ou)] {
            for x in a {
                scorer.load(x)
                for y in bs {
                    let merged = idf.similarity(x, y)
                    #expect(scorer.similarity(y).bitPattern == merged.bitPattern)
                    compared += 1
                    if merged > 0 { positive += 1 }
                }
            }
        }
        #expect(compared == 2 * ou.count * nu.count)
        #expect(positive > compared / 2)
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
        for k in 1..<version.nodes.count {
            let unit = builder.unit(k, index: 0)
            var counts: [Int: Int] = [:]
            for t in Int(version.rows[k].tokenStart)..<Int(version.rows[k].tokenEnd) where version.symbols.bag(version.tokens[t]) >= 0 {
                counts[Int(version.symbols.bag(version.tokens[t])), default: 0] += 1
            }
            let expected = counts.sorted { $0.key < $1.key }
            #expect(unit.bag.map(\.key) == expected.map(\.key), "\(version.nodes.id(at: k))")
            #expect(unit.bag.map(\.count) == expected.map(\.value), "\(version.nodes.id(at: k))")
            if unit.bag.count >= 16 { large += 1 }
        }
        #expect(large > 0)
    }

    /// A chapter's bag added up from its §§' bags must be the bag read from its tokens.
    @Test(arguments: [corpus2003, corpus2020])
    func bagsAddedUpFromSectionsAreTheTokensBags(_ file: String) throws {
        let version = FlatVersion(try parseFile(file), symbols: Symbols())
        let builder = UnitBuilder(version)
        let sections = version.nodes.rows(.section).enumerated().map { builder.unit($1, index: $0) }
        var chapters = 0
        for c in version.nodes.rows(.chapter) {
            let whole = builder.unit(c, index: 0)
            let added = builder.unit(c, index: 0, parts: Aligner.units(sections, inside: c, of: version))
            #expect(added.bag == whole.bag, "\(version.nodes.id(at: c))")
            chapters += 1
        }
        #expect(chapters > 0)
    }
}
