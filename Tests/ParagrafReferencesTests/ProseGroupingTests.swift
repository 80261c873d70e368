import Foundation
import Testing

@testable import ParagrafReferences

/// Prose citations grouped by act (``CitationGroup``) and linked to the bundled tandpleje corpus
/// (``CorpusLinks``): what `paragraf cite` prints.
@Suite struct ProseGroupingTests {
    /// A case worker's note with two acts, a § of no act, an instrument and an EU regulation.
    static let note = """
        Hjælpen ydes efter Lov om Aktiv Socialpolitik, §82 og §82a, jf. sundhedslovens § 135, stk. 2. Se \
        bekendtgørelse nr. 205 af 22. marts 2001 og forordning (EU) nr. 1169/2011. Efter § 4 kan kommunen. \
        Efter aktivlovens § 82 og sundhedslovens § 136.
        """

    static func citations() -> [Citation] {
        CitationExtractor().citations(inProse: SourceText(bytes: Array(note.utf8)))
    }

    @Test func groupsByActThenTheGroupsThatAreNoAct() {
        let groups = CitationGroup.grouped(Self.citations())
        #expect(
            groups.map(\.act) == ["lov om aktiv socialpolitik", "sundhedsloven", "EU regulations", "other instruments", "no act named"])
        #expect(groups.map(\.actKey) == ["aktivloven", "sundhedsloven", nil, nil, nil])
        #expect(groups.map(\.citations.count) == [2, 2, 1, 1, 1])
        #expect(groups[0].citations.map(\.text) == ["Lov om Aktiv Socialpolitik, §82 og §82a", "aktivlovens § 82"])
        #expect(groups[4].citations.map(\.text) == ["§ 4"])
    }

    /// "§§ 82/36" read over two acts: listed under neither act, since under the first it would hide the other.
    @Test func aCitationOverTwoActsIsListedApart() {
        let las = ActIdentity(key: "aktivloven", name: "lov om aktiv socialpolitik", isKnown: true)
        let sel = ActIdentity(key: "serviceloven", name: "lov om social service", isKnown: true)
        func target(_ section: String, _ act: ActIdentity?) -> CitationTarget {
            CitationTarget(address: Address(section: section), act: act)
        }
        let span = SourceRange(0..<10)
        let split = Citation(text: "§§ 82/36", span: span, kind: .externalAct, targets: [target("82", las), target("36", sel)])
        let same = Citation(text: "§§ 82/83", span: span, kind: .externalAct, targets: [target("82", las), target("83", las)])
        let partly = Citation(text: "§§ 82/4", span: span, kind: .externalAct, targets: [target("82", las), target("4", nil)])
        let groups = CitationGroup.grouped([split, same, partly])
        #expect(groups.map(\.act) == ["lov om aktiv socialpolitik", "no act named", "several acts (one § in each)"])
        #expect(groups.map { $0.citations.map(\.text) } == [["§§ 82/83"], ["§§ 82/4"], ["§§ 82/36"]])
    }

    @Test func noCitationsNoGroups() {
        #expect(CitationGroup.grouped([]).isEmpty)
    }

    @Test func linksToTheCorpusVersionsThatCiteTheSameProvision() throws {
        let corpus = try Corpus(directory: Repo.root.appendingPathComponent("corpus").path)
        let links = CorpusLinks(corpus: corpus)
        let byText = Dictionary(Self.citations().map { ($0.text, links.links(for: $0)) }, uniquingKeysWith: { a, _ in a })
        let health = try #require(byText["sundhedslovens § 135, stk. 2"])
        #expect(health.count == 12)
        #expect(health.first == "tandpleje/2017 › Kapitel 4 › § 17 › Stk. 1 › 1. pkt. cites § 135 i sundhedsloven")
        #expect(
            health.last
                == "tandpleje/2022, 2024-706, 2024-871, 2025-629, 2025-1444 › Kapitel 5 › § 20 › Stk. 3 › 1. pkt. cites § 135 i sundhedsloven"
        )
        #expect(byText["sundhedslovens § 136"] == ["tandpleje/2020 › indledning cites § 136 i sundhedsloven"])
        #expect(byText["bekendtgørelse nr. 205 af 22. marts 2001"] == ["repealed by tandpleje/2003"])
        #expect(byText["forordning (EU) nr. 1169/2011"] == [])
    }

    @Test func withoutACorpusThereAreNoLinks() {
        let links = CorpusLinks(corpus: nil)
        #expect(Self.citations().allSatisfy { links.links(for: $0).isEmpty })
    }
}
