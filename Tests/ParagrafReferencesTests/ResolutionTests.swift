import Testing

@testable import ParagrafReferences

@Suite("Resolution and the reference graph")
struct ResolutionTests {
    static let parsed2020 = try! Repo.tandpleje("2020")
    static let parsed2003 = try! Repo.tandpleje("2003")

    /// Resolves the single citation in `text` as if it stood in node `from` of `parsed`.
    func resolve(_ text: String, from: NodeID?, in parsed: ParsedDocument = parsed2020) -> [ResolvedTarget] {
        let citations = extract(text, in: from)
        #expect(citations.count == 1, "\(text)")
        let resolver = CitationResolver(document: parsed.document)
        return citations.first.map { resolver.resolve($0).targets } ?? []
    }

    @Test(
        "Relative citations resolve against their place",
        arguments: [
            ("jf. stk. 3", "p1", ["p1/stk3"]),
            ("jf. stk. 3", "p1/stk2/pkt1", ["p1/stk3"]),
            ("de i 3. pkt. nævnte", "p15/stk1/pkt4", ["p15/stk1/pkt3"]),
            ("jf. nr. 4", "p2/stk1/pkt1", ["p2/stk1/nr4"]),
            ("jf. dog stk. 1, 2).", "p2/stk3/pkt1", ["p2/stk1/nr2"]),
            ("i henhold til stk. 1, 1. pkt. samt stk. 2-3", "p3/stk5/pkt1", ["p3/stk1/pkt1", "p3/stk2", "p3/stk3"]),
            ("jf. § 17, stk. 3", "p1/stk2", ["p17/stk3"]),
            ("jf. § 25, nr. 4", "p29/stk2/pkt1", ["p25/stk1/nr4"]),
            ("jf. kapitel 7", "p22/stk1/pkt1", ["kap7"]),
            ("jf. bilag 1", "p21/stk3/pkt2", ["bilag1"]),
        ])
    func relative(text: String, from: NodeID, expected: [NodeID]) {
        let targets = resolve(text, from: from)
        #expect(targets.map(\.status) == Array(repeating: .resolved, count: expected.count))
        #expect(targets.compactMap(\.nodeID) == expected)
    }

    @Test("The 2003 example: jf. § 17, stk. 3 from § 1, stk. 2 is Amtsspecialtandpleje's § 17, stk. 3")
    func example2003() throws {
        let target = try #require(resolve("jf. § 17, stk. 3", from: "p1/stk2", in: Self.parsed2003).first)
        #expect(target.nodeID == "p17/stk3")
        let index = Self.parsed2003.document.nodeTable()
        #expect(index.place(of: "p17/stk3") == "Kapitel 5 Amtsspecialtandpleje › § 17 › Stk. 3")
    }

    @Test(
        "Targets that do not exist are unresolved with a reason",
        arguments: [
            (
                "i henhold til § 22, stk. 1, 2. pkt.", UnresolvedReason.noSuchSentence,
                "§ 22, stk. 1 has 1 sentence; there is no 2. pkt."
            ),
            ("jf. § 40", .noSuchSection, "there is no § 40; the last § is § 38"),
            ("jf. § 12, stk. 2", .noSuchSubsection, "§ 12 has 1 stk.; there is no stk. 2"),
            ("jf. § 2, stk. 1, nr. 9", .noSuchItem, "§ 2, stk. 1 has 4 items; there is no nr. 9"),
            ("jf. § 2, stk. 1, nr. 4, litra a", .noSuchLitra, "§ 2, stk. 1, nr. 4 has no litra a"),
            ("jf. kapitel 11", .noSuchChapter, "there is no kapitel 11; the last chapter is kapitel 10"),
            ("jf. bilag 2", .noSuchAnnex, "there is no bilag 2; the document has 1 annex"),
            ("jf. stk. 12", .noSuchSubsection, "§ 1 has 9 stk.; there is no stk. 12"),
        ])
    func unresolved(text: String, reason: UnresolvedReason, message: String) throws {
        let target = try #require(resolve(text, from: "p1/stk2/pkt1").first)
        #expect(target.status == .unresolved)
        #expect(target.nodeID == nil)
        #expect(target.reason == reason)
        #expect(target.message == message)
    }

    @Test("A document without §§ or chapters says so, not \"§ none\"")
    func documentWithoutSections() throws {
        let parsed = RegulationParser.parse(Array("Bekendtgørelse om noget\n\nDet bestemmes, jf. § 4 og kapitel 2.\n".utf8))
        let resolver = CitationResolver(document: parsed.document)
        let citations = CitationExtractor().citations(in: parsed)
        let messages = citations.flatMap { resolver.resolve($0).targets }.compactMap(\.message)
        #expect(messages == ["there is no § 4; the document has no §", "there is no kapitel 2; the document has no chapters"])
    }

    @Test("A relative citation with no § around it has no context")
    func noContext() throws {
        let target = try #require(resolve("jf. stk. 3", from: "preamble").first)
        #expect(target.status == .unresolved)
        #expect(target.reason == .noContext)
        let none = try #require(resolve("jf. stk. 3", from: nil).first)
        #expect(none.reason == .noContext)
        #expect(none.message == "stk. 3 is relative but stands outside any §")
        let deep = try #require(resolve("jf. stk. 2, nr. 4, 2. pkt.", from: "preamble").first)
        #expect(deep.message == "stk. 2, nr. 4, 2. pkt. is relative but stands outside any §")
    }

    @Test("Relative targets read in citation form, levels joined by commas")
    func relativeDescriptions() {
        #expect(CitationTarget(address: Address(subsection: 3)).description == "stk. 3")
        #expect(CitationTarget(address: Address(item: "b", sentence: 2)).description == "litra b, 2. pkt.")
        #expect(CitationTarget(address: Address(subsection: 2, item: "4", litra: "a")).description == "stk. 2, nr. 4, litra a")
        #expect(CitationTarget(address: Address(sentence: 1)).description == "1. pkt.")
    }

    @Test("Targets in other acts are external, not unresolved")
    func external() throws {
        let target = try #require(resolve("efter § 64 b i sundhedsloven", from: "p8/stk3/pkt1").first)
        #expect(target.status == .external)
        #expect(target.nodeID == nil)
        #expect(target.reason == nil)
    }

    @Test("cited-by § 12 in 2020 lists every citing node")
    func citedBy() {
        let graph = ReferenceGraph(parsed: Self.parsed2020)
        #expect(
            graph.incoming(to: "p12").map { $0.sourceID ?? "-" } == [
                "p1/stk7/pkt1", "p1/stk9/pkt1", "p13/stk1/pkt1", "p13/stk2/pkt1", "p14/stk1/pkt1", "p15/stk1/pkt1",
                "p15/stk2/pkt1", "p16/stk1/pkt1",
            ])
        // Citing a part counts as citing the whole, unless asked for the node itself.
        #expect(
            graph.incoming(to: "p17").map { $0.sourceID ?? "-" } == [
                "p17/stk2/pkt1", "p17/stk3/pkt1", "p18/stk1/pkt1", "p18/stk1/pkt2", "p18/stk3/pkt2", "p19/stk1/pkt1", "p19/stk3/pkt2",
                "p19/stk3/pkt2",
            ])
        #expect(graph.incoming(to: "p17", includingDescendants: false).count == 4)
        #expect(graph.incoming(to: "p17/stk2").map { $0.citation.text } == ["stk. 1 og 2", "§ 17, stk. 2"])
        // A chapter holds its §§: "kapitel 3" is cited directly (§ 7, stk. 4) and through §§ 12-16.
        #expect(graph.incoming(to: "kap3", includingDescendants: false).map { $0.sourceID ?? "-" } == ["p7/stk4/pkt1", "p31/stk1/pkt1"])
        // Checked by hand: the 21 citations of §§ 12-16 (from Kapitel 1, 2, 3 and §§ 31-32) and the two of the chapter.
        #expect(graph.incoming(to: "kap3").count == 23)
        #expect(graph.incoming(to: "p36").isEmpty)
    }

    @Test("Outgoing citations of a node include its parts")
    func outgoing() {
        let graph = ReferenceGraph(parsed: Self.parsed2020)
        #expect(
            graph.outgoing(from: "p14").map(\.citation.text) == [
                "§ 12", "stk. 5 og stk. 7", "stk. 2", "§ 13, stk. 1", "stk. 2", "§ 13, stk. 2", "stk. 5", "stk. 2", "stk. 5",
            ])
        #expect(graph.outgoing(from: "p14/stk6").count == 2)
        #expect(graph.outgoing(from: "p14/stk6", includingDescendants: false).isEmpty)
        #expect(
            graph.outgoing(from: "kap2").map(\.citation.text) == [
                "stk. 1", "stk. 2", "§ 14, stk. 5", "stk. 1", "kapitel 3", "§ 64 b i sundhedsloven", "sundhedslovens 64 b",
                "sundhedslovens § 64 b", "§ 8", "§ 7", "§ 9",
            ])
        #expect(graph.outgoing(from: "document").count == graph.citations.count)
    }

    @Test("Unresolved citations become R001 diagnostics, rendered compiler-style")
    func diagnostics() throws {
        let graph = ReferenceGraph(parsed: Self.parsed2020)
        let diagnostic = try #require(graph.diagnostics.first)
        #expect(graph.diagnostics.count == 1)
        #expect(diagnostic.code == "R001")
        #expect(diagnostic.severity == .warning)
        let lines = diagnostic.rendered(file: "2020.txt", source: Self.parsed2020.source).components(separatedBy: "\n")
        #expect(lines.count == 3)
        #expect(
            lines[0]
                == "2020.txt:142:78: warning[R001]: citation \"i henhold til § 22, stk. 1, 2. pkt.\" in Kapitel 6 Regionstandpleje › § 23 › Stk. 2 › 1. pkt. does not resolve: § 22, stk. 1 has 1 sentence; there is no 2. pkt."
        )
        let sourceLine =
            " Stk. 2. Indholdet af det højt specialiserede tandplejetilbud i henhold til § 22, stk. 1, 2. pkt. fremgår af § 25."
        #expect(lines[1] == "    " + sourceLine)
        // The caret stands under the "§" of the citation (columns counted in characters, not bytes).
        let column = sourceLine.distance(from: sourceLine.startIndex, to: sourceLine.range(of: "§ 22")!.lowerBound)
        #expect(lines[2] == String(repeating: " ", count: 4 + column) + "^")
    }
}

@Suite("Numbering checks")
struct NumberingTests {
    func node(_ kind: NodeKind, _ id: NodeID, _ number: String, line: Int, children: [Node] = []) -> Node {
        // Line n starts at offset 10 × (n - 1) in the line table below.
        let position = SourcePosition(offset: (line - 1) * 10)
        return Node(kind: kind, id: id, number: number, range: SourceRange(start: position, end: position), children: children)
    }

    @Test("Gaps and duplicates in §, stk. and nr. numbering")
    func gapsAndDuplicates() {
        let root = Node(
            kind: .document, id: "document", range: SourceRange(0..<0),
            children: [
                node(
                    .section, "p1", "1", line: 1,
                    children: [
                        node(.subsection, "p1/stk1", "1", line: 1), node(.subsection, "p1/stk2", "2", line: 2),
                        node(.subsection, "p1/stk4", "4", line: 3),
                    ]),
                node(
                    .section, "p2", "2", line: 4,
                    children: [
                        node(
                            .subsection, "p2/stk1", "1", line: 4,
                            children: [
                                node(.item, "p2/stk1/nr1", "1", line: 5), node(.item, "p2/stk1/nr3", "3", line: 6),
                                node(.item, "p2/stk1/nr3-2", "3", line: 7),
                            ])
                    ]),
                node(.section, "p2-2", "2", line: 8),
                node(.section, "p4a", "4 a", line: 9),
                node(.section, "p6", "6", line: 10),
            ])
        let document = Document(
            sourceName: "test", encoding: .utf8, sourceLength: 0, metadata: Metadata(), root: root, diagnostics: [])
        let lines = SourceLocationConverter(lineStarts: Array(stride(from: 0, to: 200, by: 10)), byteCount: 200)
        #expect(
            VersionCheck.numberingFindings(document).map { "\($0.code) \(lines.location(of: $0.range.start).line): \($0.message)" } == [
                "R002 8: § 2 appears twice",
                "R002 10: § 6 follows § 2: § 3-5 missing",
                "R003 3: stk. 4 follows stk. 2 in § 1: stk. 3 missing",
                "R004 6: nr. 3 follows nr. 1 in § 2, stk. 1: nr. 2 missing",
                "R004 7: nr. 3 appears twice in § 2, stk. 1",
            ])
    }

    @Test("Findings the parser already reports are not repeated")
    func noDoubleReports() {
        let parsed = RegulationParser.parse(text: "Bekendtgørelse om prøver\n§ 1. Første.\nStk. 2. Andet.\nStk. 4. Fjerde.\n§ 5. Sidste.\n")
        let graph = ReferenceGraph(parsed: parsed)
        let codes = VersionCheck.findings(parsed: parsed, graph: graph).map(\.code)
        #expect(codes.contains("P005"))
        #expect(codes.contains("P006"))
        #expect(!codes.contains("R002"))
        #expect(!codes.contains("R003"))
    }

    @Test("The corpus versions number their §§, stk. and items without gaps")
    func corpusClean() throws {
        for year in ["2003", "2020"] {
            let parsed = try Repo.tandpleje(year)
            #expect(VersionCheck.numberingFindings(parsed.document).isEmpty, "\(year)")
            let graph = ReferenceGraph(parsed: parsed)
            #expect(VersionCheck.findings(parsed: parsed, graph: graph).map(\.code).filter { $0.hasPrefix("R") } == ["R001"])
        }
    }
}

@Suite("Reference graph lookups")
struct GraphLookupTests {
    /// Range-based lookups agree with the definition by ids and ancestors, for every node of both versions.
    @Test(arguments: ["2003", "2020"])
    func outgoingAndIncomingMatchTheirDefinition(year: String) throws {
        let parsed = try Repo.tandpleje(year)
        let graph = ReferenceGraph(parsed: parsed)
        let index = graph.nodes
        func inside(_ id: NodeID?, _ ancestor: NodeID) -> Bool {
            guard let id else { return false }
            return index.path(to: id).contains { $0.id == ancestor }
        }
        for node in index.allNodes where node.kind != .document {
            let outgoing = graph.outgoing(from: node.id).map(\.citation.span.start.offset)
            let expectedOut = graph.citations.filter { inside($0.sourceID, node.id) }.map(\.citation.span.start.offset)
            #expect(outgoing == expectedOut, "outgoing(from: \(node.id))")
            let incoming = graph.incoming(to: node.id).map(\.citation.span.start.offset)
            let expectedIn = graph.citations.filter { c in c.targets.contains { inside($0.nodeID, node.id) } }
                .map(\.citation.span.start.offset)
            #expect(incoming == expectedIn, "incoming(to: \(node.id))")
        }
        if year == "2020" { #expect(graph.incoming(to: "p12").count == 8) }
    }
}

@Suite("Reference diagnostic catalogue")
struct ReferenceDiagnosticTests {
    @Test func entries() {
        let unresolved = ReferenceDiagnostic.unresolved(citation: "§ 40", place: "§ 1 › Stk. 1", reason: "there is no § 40")
        #expect(unresolved.code == "R001" && unresolved.severity == .warning)
        #expect(unresolved.message == "citation \"§ 40\" in § 1 › Stk. 1 does not resolve: there is no § 40")
        let gap = ReferenceDiagnostic.numberGap(level: .item, number: "3", previous: "1", missing: "nr. 2", scope: " in § 2, stk. 1")
        #expect(gap.code == "R004" && gap.message == "nr. 3 follows nr. 1 in § 2, stk. 1: nr. 2 missing")
        #expect(ReferenceDiagnostic.duplicateNumber(level: .section, number: "2", scope: "").message == "§ 2 appears twice")
    }
}
