import Testing
import Foundation
@testable import ParagrafDiff

@Suite struct Scratch {
    @Test func printAlignment() throws {
        let a = try parseFile(corpus2003), b = try parseFile(corpus2020)
        let al = VersionDiff.align(a, b)
        for r in al.chapters { print(r.status, r.arrow, r.similarity, r.old.first?.caption ?? "", "|", r.new.first?.caption ?? "") }
        for r in al.sections { print(r.status, r.arrow, r.similarity, r.isModified, r.old.first?.caption ?? "", "|", r.new.first?.caption ?? "") }
    }
}
@Suite struct Scratch2 {
    @Test func sims() throws {
        let a = try parseFile(corpus2003), b = try parseFile(corpus2020)
        let al = Aligner(old: a, new: b)
        let ob = UnitBuilder(source: a.source, interner: al.interner), nb = UnitBuilder(source: b.source, interner: al.interner)
        var ou = a.document.sections.enumerated().map { ob.unit($1, index: $0) }
        var nu = b.document.sections.enumerated().map { nb.unit($1, index: $0) }
        let idf = IDF([ou, nu])
        for i in ou.indices { ou[i].weight = idf.totalWeight(ou[i]) }
        for i in nu.indices { nu[i].weight = idf.totalWeight(nu[i]) }
        print("12-20", idf.similarity(ou[11], nu[19]), idf.containment(of: ou[11], in: nu[19]))
        print("32-37", idf.similarity(ou[31], nu[36]))
        print("13-14", idf.similarity(ou[12], nu[13]), "14-14", idf.similarity(ou[13], nu[13]))
        print("22-29", idf.similarity(ou[21], nu[28]), idf.containment(of: nu[28], in: ou[21]))
        for j in 16...18 { print("new", j+1, (0..<ou.count).map { (idf.similarity(ou[$0], nu[j]) * 100).rounded() }.max()!) }
    }
}
@Suite struct Scratch3 {
    @Test func changes() throws {
        let a = try parseFile(corpus2003), b = try parseFile(corpus2020)
        let d = VersionDiff.compare(a, b)
        for x in d.amounts { print("AMOUNT", x.summary, x.oldCitation, x.newCitation) }
        for x in d.terms { print("TERM", x.old, "→", x.new, x.count, x.isKnownEraTerm) }
        for x in d.duties { print("DUTY", x.oldCitation, x.newCitation, x.summary) }
        for x in d.citations { print("CITE", x.issue, x.newCitation, x.newText, "|", x.oldCitation ?? "-", x.oldText ?? "-", "|", x.explanation) }
        for x in d.metadata { print("META", x.field, x.old ?? "-", x.new ?? "-") }
        print(d.summary)
    }
}
