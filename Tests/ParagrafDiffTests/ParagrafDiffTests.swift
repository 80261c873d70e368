import Foundation
import Paragraf
import ParagrafTestSupport
import Testing

@testable import ParagrafDiff

/// Facts of the 2003 → 2020 comparison of Bekendtgørelse om tandpleje, checked against the texts.
@Suite("Diff 2003 → 2020")
struct CorpusDiffTests {
    static let diff: DocumentDiff = {
        let old = try! parseFile(corpus2003)
        let new = try! parseFile(corpus2020)
        return VersionDiff.compare(old, new)
    }()
    var diff: DocumentDiff { Self.diff }

    func sectionRow(old: NodeID? = nil, new: NodeID? = nil) -> AlignmentRow? {
        diff.alignment.sections.first { row in
            (old.map { o in row.old.contains { $0.id == o } } ?? row.old.isEmpty)
                && (new.map { n in row.new.contains { $0.id == n } } ?? row.new.isEmpty)
        }
    }

    @Test func section10CapRisesFrom380To540() throws {
        let cap = try #require(diff.amounts.first { $0.oldValue == 380 })
        #expect(cap.newValue == 540)
        #expect(cap.unit == "kr.")
        #expect(cap.percentChange == 42)
        #expect(cap.oldCitation == "§ 10, stk. 1, 2. pkt.")
        #expect(cap.newCitation == "§ 10, stk. 1, 2. pkt.")
        #expect(cap.summary == "380 kr. → 540 kr. (+42 %)")
        #expect(cap.oldText == "380 kr.")
    }

    @Test func the1420CapsBecome2010() {
        let caps = diff.amounts.filter { $0.oldValue == 1420 }
        #expect(caps.allSatisfy { $0.newValue == 2010 && $0.oldText == "1.420 kr." && $0.newText == "2.010 kr." })
        #expect(
            caps.map(\.oldCitation) == [
                "§ 15, stk. 1, 2. pkt.", "§ 22, stk. 4, 1. pkt.", "§ 22, stk. 4, 2. pkt.", "§ 23, stk. 4, 1. pkt.",
                "§ 23, stk. 4, 2. pkt.", "§ 24, stk. 4, 1. pkt.", "§ 24, stk. 4, 2. pkt.", "§ 28, stk. 1, 1. pkt.",
            ])
        #expect(caps.map(\.newCitation).contains("§ 33, stk. 1, 1. pkt."))
        // Only the caps changed: every amount in the report is one of them.
        #expect(diff.amounts.count == caps.count + 1)
    }

    @Test(arguments: [
        ("amtsrådet", "regionsrådet"), ("amtskommunen", "regionen"), ("sygesikringstandplejen", "praksistandplejen"),
        ("amtskommunale", "regionale"), ("bopælsamtskommunen", "bopælsregionen"),
    ])
    func eraTermsAreSubstitutionsReportedOnce(old: String, new: String) throws {
        let matches = diff.terms.filter { $0.old == old && $0.new == new }
        try #require(matches.count == 1)
        #expect(matches[0].count == matches[0].places.count)
        #expect(matches[0].count >= 2)
    }

    @Test func substitutionsAreFoundWithoutTheLexiconToo() {
        // Not in the seed lexicon, found from repetition alone.
        let spelling = diff.terms.first { $0.old == "retningslinier" }
        #expect(spelling?.new == "retningslinjer")
        #expect(spelling?.isKnownEraTerm == false)
        #expect(diff.terms.contains { $0.old == "århus" && $0.new == "aarhus" && $0.count == 5 })
    }

    @Test func amtsspecialtandplejeIsRegionstandpleje() throws {
        let row = try #require(sectionRow(old: "p17", new: "p21"))
        #expect(row.status == .renumbered)
        #expect(row.isModified)
        #expect(row.similarity > 0.8)
        #expect(
            diff.alignment.subsections.contains { r in
                r.old.map(\.id) == ["p17/stk3"] && r.new.map(\.id) == ["p21/stk3"]
            })
    }

    @Test(arguments: [
        ("p13", "p12"), ("p14", "p13"), ("p12", "p20"), ("p18", "p22"), ("p22", "p26"), ("p24", "p28"),
        ("p25", "p30"), ("p33", "p38"), ("p1", "p1"), ("p10", "p10"),
    ])
    func sectionsAlignAcrossRenumbering(old: NodeID, new: NodeID) {
        #expect(sectionRow(old: old, new: new) != nil, "\(old) ↔ \(new)")
    }

    @Test func addedAndRemovedSections() {
        let added = diff.alignment.sections.filter { $0.status == .added }.flatMap(\.new).map(\.id)
        let removed = diff.alignment.sections.filter { $0.status == .removed }.flatMap(\.old).map(\.id)
        #expect(added == ["p14", "p17", "p18", "p19", "p29", "p37"])
        #expect(removed == ["p32"])
        #expect(diff.alignment.sections.count == 33 + 6)
    }

    @Test func subsectionThatChangedSection() throws {
        let row = try #require(diff.alignment.subsections.first { $0.old.first?.id == "p13/stk3" })
        #expect(row.new.map(\.id) == ["p13/stk4"])
        #expect(row.status == .moved)
        #expect(!diff.alignment.subsections.contains { $0.status == .added && $0.new.first?.id == "p13/stk4" })
    }

    @Test func boilerplateDoesNotPair() {
        // 2020 § 29 (medfødte sjældne sygdomme) repeats §§ 26-28 word for word in most stk., but is a new provision.
        #expect(sectionRow(new: "p29")?.status == .added)
        // 2003 § 32 (København, Frederiksberg, Bornholm) has no successor, however many words it shares.
        #expect(sectionRow(old: "p32")?.status == .removed)
    }

    @Test func socialtandplejeChapterIsAdded() throws {
        let row = try #require(diff.alignment.chapters.first { $0.new.first?.id == "kap4" })
        #expect(row.status == .added)
        #expect(row.new[0].caption == "Socialtandpleje")
        let moved = diff.alignment.chapters.filter { $0.status == .moved }
        #expect(moved.map { "\($0.old[0].id)→\($0.new[0].id)" } == ["kap3→kap5"])
        #expect(diff.alignment.chapters.contains { $0.old.first?.id == "kap5" && $0.new.first?.id == "kap6" })
    }

    @Test func dutyMovesFromCountyToMunicipality() throws {
        let change = try #require(diff.duties.first { $0.oldCitation == "§ 13, stk. 1, 1. pkt." })
        #expect(change.newCitation == "§ 12, stk. 1, 1. pkt.")
        #expect(change.summary == "Amtsrådet skal tilbyde → Kommunalbestyrelsen skal tilbyde")
        #expect(change.actorChanged && !change.modalityChanged)
        let regional = try #require(diff.duties.first { $0.oldCitation == "§ 17, stk. 1, 1. pkt." })
        #expect(regional.new.actor == "Regionsrådet")
    }

    @Test func citationsThatNoLongerNameTheirTarget() throws {
        let c = try #require(diff.citations.first { $0.newCitation == "§ 1, stk. 2" })
        #expect(c.newText == "§ 18, stk. 3")
        #expect(c.oldText == "§ 17, stk. 3")
        #expect(c.expectedTarget == "§ 21, stk. 3")
        #expect(c.issue == .changedTarget)
        #expect(diff.citations.contains { $0.newCitation == "§ 5, stk. 3" && $0.expectedTarget == "§ 31" })
        // "§ 22, stk. 1, 2. pkt." does not resolve in 2020, but its 2003 form "§ 18, stk. 1, 2. pkt." did not
        // either: not a change.
        #expect(!diff.citations.contains { $0.newText == "§ 22, stk. 1, 2. pkt." })
        #expect(diff.citations.count == 5)
    }

    @Test func metadataChanges() {
        let fields = Dictionary(uniqueKeysWithValues: diff.metadata.map { ($0.field, $0) })
        #expect(fields["ministry"]?.old == "Indenrigs- og Sundhedsministeriet")
        #expect(fields["ministry"]?.new == "Sundheds- og Ældreministeriet")
        #expect(fields["legalBasisAct"]?.new == "sundhedsloven")
        #expect(fields["inForceDate"]?.new == "2020-07-01")
        #expect(fields["title"] == nil)
    }

    @Test func wordChangesCarrySpansIntoBothSources() throws {
        let old = try parseFile(corpus2003)
        let new = try parseFile(corpus2020)
        let section = try #require(diff.sections.first { $0.row.old.first?.id == "p10" })
        let segment = try #require(section.provisions.flatMap(\.segments).first { $0.category == .amount })
        let oldRange = try #require(segment.oldRange)
        let newRange = try #require(segment.newRange)
        #expect(old.source.string(oldRange.offsets) == "380")
        #expect(new.source.string(newRange.offsets) == "540")
        #expect(segment.oldCitation == "§ 10, stk. 1, 2. pkt.")
    }

    @Test func goldenMarkdownReport() throws {
        try Golden.expect(MarkdownReportFormatter().format(diff), "fixtures/diff/tandpleje-2003-2020.md")
    }

    @Test func jsonIsStableAndRoundTrips() throws {
        let a = try JSONReportFormatter().format(diff)
        let b = try JSONReportFormatter().format(Self.diff)
        #expect(a == b)
        #expect(a.contains("\"schemaVersion\" : 1"))
        let decoded = try JSONDecoder().decode(DocumentDiff.self, from: Data(a.utf8))
        #expect(decoded == diff)
    }

    @Test("HTML escaping replaces the five characters and leaves other text as it is")
    func htmlEscaping() {
        #expect(HTMLReportFormatter.escape("380 kr. → 540 kr.") == "380 kr. → 540 kr.")
        #expect(HTMLReportFormatter.escape("<b>'x' & \"y\"</b>") == "&lt;b&gt;&#39;x&#39; &amp; &quot;y&quot;&lt;/b&gt;")
    }

    @Test("JSON written piece by piece is what one encoder pass gives, byte for byte")
    func jsonPiecesMatchOneEncoding() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // 2003 → 2020 fills the lists; 2020 → 2020 leaves the change lists empty.
        let same = VersionDiff.compare(try parseFile(corpus2020), try parseFile(corpus2020))
        for d in [diff, same] {
            let whole = String(decoding: try encoder.encode(d), as: UTF8.self) + "\n"
            var pieces: [String] = []
            try JSONReportFormatter().write(d) { pieces.append($0) }
            #expect(pieces.joined() == whole)
            #expect(try JSONReportFormatter().format(d) == whole)
            // One piece per list entry and more: never the whole report at once.
            let entries = d.sections.count + d.alignment.allRows.count + d.amounts.count + d.terms.count
            #expect(pieces.count > entries)
        }
        #expect(diff.sections.count == 41)
        #expect(same.isIdentical && same.amounts.isEmpty)
    }

    @Test("Text, Markdown and HTML written piece by piece are what format gives, byte for byte")
    func reportPiecesMatchFormat() throws {
        let same = VersionDiff.compare(try parseFile(corpus2020), try parseFile(corpus2020))
        for d in [diff, same] {
            for (name, pieces, whole) in Self.piecesAndWhole(d) {
                #expect(pieces.joined() == whole, "\(name)")
                #expect(pieces.allSatisfy { $0.hasSuffix("\n") }, "\(name): pieces end with whole lines")
                if d.isIdentical {
                    #expect(pieces.count == 1, "\(name)")
                } else {
                    // 85 KB of text to 209 KB of HTML: more than one piece, none of them the whole report.
                    #expect(whole.utf8.count > HTMLReportFormatter.pieceSize, "\(name)")
                    #expect(pieces.count > 1, "\(name)")
                    #expect(pieces.dropLast().allSatisfy { $0.utf8.count >= HTMLReportFormatter.pieceSize }, "\(name)")
                }
            }
        }
    }

    @Test("A report stops at the first piece its output cannot take, and says why")
    func reportWriteRethrows() {
        struct Full: Error {}
        var pieces = 0
        #expect(throws: Full.self) {
            try HTMLReportFormatter().write(diff) { _ in
                pieces += 1
                throw Full()
            }
        }
        #expect(pieces == 1)
    }

    /// Each text, Markdown and HTML report of `d` (with and without its options) as `write` hands it out in
    /// pieces, and as `format` returns it.
    static func piecesAndWhole(_ d: DocumentDiff) -> [(name: String, pieces: [String], whole: String)] {
        func pieces(_ write: ((String) -> Void) -> Void) -> [String] {
            var pieces: [String] = []
            write { pieces.append($0) }
            return pieces
        }
        let text = [TextReportFormatter(), TextReportFormatter(color: true)]
        let markdown = [MarkdownReportFormatter(), MarkdownReportFormatter(includeUnchanged: true)]
        let html = [HTMLReportFormatter(), HTMLReportFormatter(includeUnchanged: false)]
        return text.map { f in ("text color \(f.color)", pieces { f.write(d, to: $0) }, f.format(d)) }
            + markdown.map { f in ("markdown all \(f.includeUnchanged)", pieces { f.write(d, to: $0) }, f.format(d)) }
            + html.map { f in ("html all \(f.includeUnchanged)", pieces { f.write(d, to: $0) }, f.format(d)) }
    }
}

@Suite("Diffing a version with itself")
struct SelfDiffTests {
    @Test(arguments: [corpus2003, corpus2020])
    func reportsNoChange(_ file: String) throws {
        let a = try parseFile(file)
        let b = try parseFile(file)
        let diff = VersionDiff.compare(a, b)
        #expect(diff.isIdentical)
        #expect(diff.amounts.isEmpty && diff.terms.isEmpty && diff.duties.isEmpty && diff.metadata.isEmpty)
        #expect(diff.citations.isEmpty)
        #expect(diff.alignment.allRows.allSatisfy { $0.status == .unchanged })
        #expect(diff.alignment.sections.count == a.document.sections.count)
        #expect(TextReportFormatter().format(diff).contains("No change"))
    }
}
