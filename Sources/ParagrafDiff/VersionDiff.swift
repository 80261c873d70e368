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
    /// Aligns `old` and `new` and classifies the changes.
    /// - Complexity: near-linear in the size of the two texts (see the DocC article "How alignment decides").
    public static func compare(_ old: ParsedDocument, _ new: ParsedDocument) -> DocumentDiff {
        let aligned = Aligner(old: old, new: new).align()
        return ChangeClassifier(old: old, new: new, aligned: aligned).classify()
    }

    /// Aligns `old` and `new` and classifies the changes, reusing the citation graphs the caller already
    /// built for both versions (the citation check needs them; building them costs more than parsing).
    ///
    /// The result is the same as ``compare(_:_:)``'s when the graphs are `ReferenceGraph(parsed: old)` and
    /// `ReferenceGraph(parsed: new)`.
    ///
    /// ```swift
    /// let oldGraph = ReferenceGraph(parsed: old), newGraph = ReferenceGraph(parsed: new)
    /// let diff = VersionDiff.compare(old, new, oldGraph: oldGraph, newGraph: newGraph)
    /// ```
    public static func compare(
        _ old: ParsedDocument, _ new: ParsedDocument, oldGraph: ReferenceGraph, newGraph: ReferenceGraph
    ) -> DocumentDiff {
        let aligned = Aligner(old: old, new: new).align()
        return ChangeClassifier(old: old, new: new, aligned: aligned, oldGraph: oldGraph, newGraph: newGraph).classify()
    }

    /// Only the alignment of `old` and `new`.
    public static func align(_ old: ParsedDocument, _ new: ParsedDocument) -> Alignment {
        Aligner(old: old, new: new).align().alignment
    }
}
