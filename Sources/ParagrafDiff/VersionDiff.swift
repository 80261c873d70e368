import Paragraf
import ParagrafReferences

/// Compares two versions of a regulation: aligns them and classifies every change.
///
/// ```swift
/// let old = RegulationParser.parse(bytes2003, sourceName: "2003")
/// let new = RegulationParser.parse(bytes2020, sourceName: "2020")
/// let diff = VersionDiff.compare(old, new)
/// print(TextReportFormatter().format(diff))
/// ```
public enum VersionDiff {
    /// The largest version the diff takes, in bytes of source text (2 GiB − 1): its tables hold byte offsets
    /// in 32 bits. The parser and the citation graph take larger texts; `paragraf diff` refuses a larger file
    /// with a message before reading it.
    public static let maxSourceBytes = Int(Int32.max)

    /// Aligns `old` and `new` and classifies the changes.
    /// - Complexity: near-linear in the size of the two texts (see the DocC article "How alignment decides").
    /// - Precondition: neither source text is longer than ``maxSourceBytes``.
    ///
    /// When a source is partial (``Document/absentParts``), the parts it lacks are left out of both versions
    /// and named in ``DocumentDiff/notCompared``, never reported as removed or added.
    public static func compare(_ old: ParsedDocument, _ new: ParsedDocument) -> DocumentDiff {
        checkSizes(old, new)
        let (old, new, notCompared) = PartialSources.common(old, new)
        let aligned = Aligner(old: old, new: new).align()
        var diff = ChangeClassifier(old: old, new: new, aligned: aligned).classify()
        if let notCompared { PartialSources.apply(notCompared, to: &diff, newLacksAnnexes: new.document.lacks(.annexes)) }
        OutsideText.apply(to: &diff, old: aligned.old.nodes, new: aligned.new.nodes)
        return diff
    }

    /// Aligns `old` and `new` and classifies the changes, reusing the citation graphs the caller already
    /// built for both versions (the citation check needs them; building them costs more than parsing).
    ///
    /// The result is the same as ``compare(_:_:)``'s when the graphs are `ReferenceGraph(parsed: old)` and
    /// `ReferenceGraph(parsed: new)`.
    /// - Precondition: neither source text is longer than ``maxSourceBytes``.
    ///
    /// ```swift
    /// let oldGraph = ReferenceGraph(parsed: old), newGraph = ReferenceGraph(parsed: new)
    /// let diff = VersionDiff.compare(old, new, oldGraph: oldGraph, newGraph: newGraph)
    /// ```
    public static func compare(
        _ old: ParsedDocument, _ new: ParsedDocument, oldGraph: ReferenceGraph, newGraph: ReferenceGraph
    ) -> DocumentDiff {
        checkSizes(old, new)
        if old.document.isPartial || new.document.isPartial { return compare(old, new) }  // the graphs of the trimmed versions
        // The versions are flattened over the graphs' node tables (each graph's is its version's).
        let aligned = Aligner(old: old, new: new, oldNodes: oldGraph.nodes, newNodes: newGraph.nodes).align()
        var diff = ChangeClassifier(old: old, new: new, aligned: aligned, oldGraph: oldGraph, newGraph: newGraph).classify()
        OutsideText.apply(to: &diff, old: aligned.old.nodes, new: aligned.new.nodes)
        return diff
    }

    /// Only the alignment of `old` and `new`.
    /// - Precondition: neither source text is longer than ``maxSourceBytes``.
    public static func align(_ old: ParsedDocument, _ new: ParsedDocument) -> Alignment {
        checkSizes(old, new)
        return Aligner(old: old, new: new).align().alignment
    }

    /// Stops with a message naming the limit when a version is too long for the diff's 32-bit offsets
    /// (instead of an arithmetic overflow deep in the tables).
    private static func checkSizes(_ old: ParsedDocument, _ new: ParsedDocument) {
        for version in [old, new] {
            precondition(
                version.source.bytes.count <= maxSourceBytes,
                "VersionDiff takes versions of at most \(maxSourceBytes) bytes; \(version.document.sourceName) has \(version.source.bytes.count)"
            )
        }
    }
}
