import Paragraf

/// Aligns two parsed versions of a regulation: chapters, sections, subsections and items.
///
/// ``align()`` runs the stages below in this order; each lives in the file named after it. The order
/// matters beyond the rows: the first time a stage reads a provision's words gives those words their final
/// symbols (``FlatVersion/finalize(_:)``), and a later pair that maps an id replaces an earlier one.
///
/// 1. ``matchSections()`` (`Aligner+Sections.swift`): the §§ of both versions as units, paired by content and
///    order (``Matcher``).
/// 2. ``matchChapters(_:)`` (`Aligner+Chapters.swift`): each chapter paired with the chapter that received
///    most of its §§, then the rest by title.
/// 3. ``rematchInsideChapters(_:_:)``: §§ left unpaired inside a pair of chapters, compared again with a
///    lower bar.
/// 4. ``chapterRows(_:_:_:)``: a row per chapter.
/// 5. ``sectionRows(_:_:_:)``: splits and merges, a row per §, and the stk. and nr. of each pair of §§
///    (``alignChildren(of:_:level:_:recordRows:)``, `Aligner+Children.swift`).
/// 6. ``alignMovedSubsections(_:)``: the stk. left unpaired inside their §§, compared across §§.
/// 7. ``alignAnnexes(_:)`` and ``alignPreamble(_:)`` (`Aligner+Annexes.swift`).
struct Aligner {
    let old: ParsedDocument
    let new: ParsedDocument
    let oldVersion: FlatVersion
    let newVersion: FlatVersion
    /// Subsections left unpaired inside their pair of §§, looked at again across §§ at the end.
    let leftovers = Leftovers()

    final class Leftovers {
        var old: [Unit] = []
        var new: [Unit] = []
    }

    /// An aligner of `old` and `new`, flattened over their node tables when the caller has them.
    init(old: ParsedDocument, new: ParsedDocument, oldNodes: NodeTable? = nil, newNodes: NodeTable? = nil) {
        self.old = old
        self.new = new
        let symbols = Symbols()
        oldVersion = FlatVersion(old, nodes: oldNodes, symbols: symbols)
        newVersion = FlatVersion(new, nodes: newNodes, symbols: symbols)
    }

    func align() -> AlignmentResult {
        var sections = matchSections()
        let chapters = matchChapters(sections)
        rematchInsideChapters(&sections, chapters)

        var context = Context(idf: sections.idf, oldBuilder: sections.oldBuilder, newBuilder: sections.newBuilder)
        var rows = Alignment(chapters: [], sections: [], subsections: [], items: [])
        rows.chapters = chapterRows(chapters, sections, &context)
        rows.sections = sectionRows(sections, chapters, &context)
        alignMovedSubsections(&context)
        alignAnnexes(&context)
        alignPreamble(&context)

        // Taken over from the context (rows of the levels the stages above collected).
        rows.subsections = Aligner.ordered(context.rows.subsections)
        rows.items = Aligner.ordered(context.rows.items)
        rows.annexes = context.rows.annexes
        rows.preamble = context.rows.preamble
        oldVersion.finalizeAll()
        newVersion.finalizeAll()
        return AlignmentResult(
            alignment: rows, textPairs: context.textPairs, oldToNew: context.oldToNew, newToOld: context.newToOld,
            old: oldVersion, new: newVersion)
    }

    /// What the stages after matching accumulate: the rows of the levels below §§, the text pairs and the
    /// id maps.
    struct Context {
        let idf: IDF
        let oldBuilder: UnitBuilder
        let newBuilder: UnitBuilder
        var rows = Alignment(chapters: [], sections: [], subsections: [], items: [])
        var textPairs: [TextPair] = []
        var oldToNew: NodeMap
        var newToOld: NodeMap

        init(idf: IDF, oldBuilder: UnitBuilder, newBuilder: UnitBuilder) {
            self.idf = idf
            self.oldBuilder = oldBuilder
            self.newBuilder = newBuilder
            oldToNew = NodeMap(from: oldBuilder.version, to: newBuilder.version)
            newToOld = NodeMap(from: newBuilder.version, to: oldBuilder.version)
        }

        /// Maps old node `old` to new node `new`, and back.
        mutating func map(_ old: Int, _ new: Int) {
            oldToNew.set(old, to: new)
            newToOld.set(new, to: old)
        }
    }
}
