import Paragraf
import ParagrafReferences

/// Turns an alignment into classified changes: word segments, amounts, terms, citations, duties, metadata.
///
/// ``classify()`` runs these stages in order:
/// 1. ``ComparedPairs``: the word diff of every aligned pair of provisions.
/// 2. The ``detectors``, in order: each claims the changes of its category and reports them (see
///    ``ChangeDetector``, which also says how to add a category).
/// 3. ``SectionDiffBuilder``: every section side by side, each change with the category it was claimed for.
/// 4. Metadata, and the summary's counts.
struct ChangeClassifier {
    let old: ParsedDocument
    let new: ParsedDocument
    let aligned: AlignmentResult
    /// The citation graphs of both versions, when the caller already has them.
    var oldGraph: ReferenceGraph? = nil
    var newGraph: ReferenceGraph? = nil

    /// The change detectors in order of precedence: a change that fits several categories gets the first
    /// one's.
    var detectors: [any ChangeDetector] {
        [AmountDetector(), TermDetector(), CitationDetector(oldGraph: oldGraph, newGraph: newGraph), DutyDetector()]
    }

    func classify() -> DocumentDiff {
        let pairs = ComparedPairs(aligned)
        var findings = ChangeFindings()
        var counts: [ChangeCategory: Int] = [:]
        for detector in detectors {
            counts[detector.category] = detector.detect(in: pairs, into: &findings)
        }
        let sections = SectionDiffBuilder(pairs: pairs).build()
        let metadata = ChangeClassifier.metadataChanges(old.document.metadata, new.document.metadata)

        let (alignmentCounts, allUnchanged) = ChangeClassifier.alignmentCounts(aligned.alignment)
        var changeCounts: [String: Int] = ["metadata": metadata.count]
        for (category, count) in counts { changeCounts[category.summaryKey] = count }
        var wordChanges = 0
        for c in pairs.pairs { wordChanges += c.hunks.filter { $0.operation != .equal }.count }
        changeCounts["wordChanges"] = wordChanges
        let identical = metadata.isEmpty && wordChanges == 0 && allUnchanged
        return DocumentDiff(
            schemaVersion: DocumentDiff.currentSchemaVersion, old: ChangeClassifier.summary(old, aligned.old),
            new: ChangeClassifier.summary(new, aligned.new),
            summary: DiffSummary(alignment: alignmentCounts, changes: changeCounts, isIdentical: identical),
            alignment: aligned.alignment, metadata: metadata, amounts: findings.amounts, terms: findings.terms,
            duties: findings.duties, citations: findings.citations, sections: sections)
    }

    /// The rows of `alignment` by level and status (the levels and statuses that occur), and whether every
    /// row is unchanged. Counted in a table first: no string-keyed lookup per row.
    static func alignmentCounts(_ alignment: Alignment) -> (counts: [String: [String: Int]], allUnchanged: Bool) {
        let levels = AlignmentLevel.allCases
        let statuses = AlignmentStatus.allCases
        var table = [Int](repeating: 0, count: levels.count * statuses.count)
        var allUnchanged = true
        let a = alignment
        for list in [a.preamble, a.chapters, a.sections, a.subsections, a.items, a.annexes] {
            for row in list {
                let l = levels.firstIndex(of: row.level)!
                let s = statuses.firstIndex(of: row.status)!
                table[l * statuses.count + s] += 1
                if row.status != .unchanged { allUnchanged = false }
            }
        }
        var counts: [String: [String: Int]] = [:]
        for (l, level) in levels.enumerated() {
            for (s, status) in statuses.enumerated() where table[l * statuses.count + s] > 0 {
                counts[level.rawValue, default: [:]][status.rawValue] = table[l * statuses.count + s]
            }
        }
        return (counts, allUnchanged)
    }

    static func metadataChanges(_ a: Metadata, _ b: Metadata) -> [MetadataChange] {
        var result: [MetadataChange] = []
        func add(_ field: String, _ x: String?, _ y: String?) {
            if x != y { result.append(MetadataChange(field: field, old: x, new: y)) }
        }
        add("title", a.title, b.title)
        add("documentType", a.documentType.rawValue, b.documentType.rawValue)
        add("legalBasisAct", a.legalBasisAct, b.legalBasisAct)
        add("ministry", a.ministry, b.ministry)
        add("signingDate", a.signingDate?.description, b.signingDate?.description)
        add("inForceDate", a.inForceDate?.description, b.inForceDate?.description)
        add("signers", a.signers.joined(separator: " / "), b.signers.joined(separator: " / "))
        add("repeals", a.repeals.map(\.text).joined(separator: "; "), b.repeals.map(\.text).joined(separator: "; "))
        return result
    }

    static func summary(_ p: ParsedDocument, _ v: FlatVersion) -> VersionSummary {
        let d = p.document
        var chapters = 0
        var sections = 0
        var subsections = 0
        for k in 0..<v.nodes.count {
            switch v.nodes.kind(at: k) {
            case .chapter: chapters += 1
            case .section: sections += 1
            case .subsection: subsections += 1
            default: break
            }
        }
        return VersionSummary(
            sourceName: d.sourceName, title: d.metadata.title, signingDate: d.metadata.signingDate,
            inForceDate: d.metadata.inForceDate, ministry: d.metadata.ministry, chapters: chapters,
            sections: sections, subsections: subsections)
    }
}
