/// The text parser's state for one forward pass over a document's UTF-8 bytes.
///
/// ``RegulationParser/parse(_:sourceName:)`` makes one and calls ``run(sourceName:encoding:)``. The reading is
/// split by what it reads, one extension per file:
/// - `ParserCore+Driver.swift`: the line loop, the markers tried at a line start and mid-line, and the context
///   tests the readers share (does the text before a marker end a sentence?);
/// - `ParserCore+Headings.swift`: chapters, parts, annexes and their titles; the title and preamble;
/// - `ParserCore+Sections.swift`: sections and subsections;
/// - `ParserCore+Items.swift`: items and litra;
/// - `ParserCore+Sentences.swift`: the text between markers, split into sentences or annex blocks;
/// - `ParserCore+Metadata.swift`: the signature line and the document's metadata;
/// - `ParserCore+Containers.swift`: closing containers and unique ids.
///
/// Every stored property is declared here, grouped by what it tracks.
struct ParserCore {
    // MARK: Input

    /// The UTF-8 bytes being parsed: the decoded text's buffer, valid for the whole parse (``Bytes`` says
    /// why the readers take the buffer and what it measured).
    let b: UnsafeBufferPointer<UInt8>
    /// The number of bytes in ``b``.
    let n: Int
    /// The source text (with its line table) every range indexes.
    let source: SourceText
    /// Control bytes counted by ``InputDecoder`` (count, offset of the first).
    var inputControls: (count: Int, first: Int) = (0, -1)

    // MARK: Output

    /// Finished nodes whose parent is still open; the top-level nodes at the bottom.
    let nodes = NodeStack()
    /// The diagnostics so far, capped per code.
    var diagnostics: DiagnosticSink
    /// The sentences that may hold "træder i kraft" or "ophæves", for ``MetadataExtractor``.
    var keywordSentences: [String] = []

    // MARK: Open containers, outermost first

    /// The open part (*afsnit*).
    var part: Container?
    /// The open chapter.
    var chapter: Container?
    /// The open section (§).
    var section: Container?
    /// The open subsection (stk.) of ``section``.
    var stk: Container?
    /// The open item (nr.) of ``stk``.
    var item: Container?
    /// The open litra of ``item``.
    var litra: Container?
    /// The open annex (*bilag*); annexes follow the body and hold blocks only.
    var annex: Container?

    // MARK: Text between markers

    /// Whose text the bytes after the last accepted marker are.
    var owner: TextOwner = .front
    /// Where the text not yet handed to ``owner`` starts.
    var textStart = 0
    /// Bytes before this offset belong to an accepted marker (or its title); scanning resumes here.
    var consumedUntil = 0
    /// Whether the front matter (title, preamble) was handed out; it is read once.
    var frontDone = false
    /// Set for the final flush at the end of input: front matter flushed then had no heading after it.
    var finishing = false

    // MARK: Headings seen so far (order checks and context)

    /// Whether any heading (§, chapter, part, annex) was accepted.
    var sawStructure = false
    /// End of the last heading (chapter/part title); a § right after it is a heading.
    var lastHeadingEnd = -1
    /// The number of the last part.
    var lastPartValue = 0
    /// The number of the last chapter.
    var lastChapter = 0
    /// The number of the last section (the last of a "§§ 28-30." range).
    var lastSection: SectionNumber?
    /// The number of the last stk. of the open section.
    var sectionStkCount = 0
    /// The empty sections a "§§ 28-30." heading stands for (number, repealed), added when it closes.
    var pendingRangeSections: [(SectionNumber, Bool)] = []
    /// The range of a group heading found before the § being opened.
    var groupTitle: Range<Int>?
    /// The number of the last annex.
    var lastAnnex = 0
    /// Where the signature line starts, once found.
    var signatureStart: Int?

    // MARK: Ids

    /// Gives the ids: checked for sections, items, chapters …; stk., sentences and blocks are numbered
    /// from counters that only grow under a unique parent (``NodeIDAllocator/sequential(_:under:)``).
    var ids: NodeIDAllocator
    /// The number of unplaced nodes so far (their ids count up).
    var unplacedCount = 0

    // MARK: Scratch

    /// Scratch array for ``SentenceSplitter``, reused for every leaf.
    var sentenceRanges: [Range<Int>] = []

    init(b: UnsafeBufferPointer<UInt8>, source: SourceText, diagnostics: [Diagnostic]) {
        self.b = b
        self.source = source
        self.diagnostics = DiagnosticSink(diagnostics)
        self.n = b.count
        // Ids that are checked (sections, items, chapters …; not stk. nor sentences): one per 500 bytes in
        // the corpus. A larger table was 7 % of the parse's peak memory.
        self.ids = NodeIDAllocator(minimumCapacity: min(b.count / 400, 1 << 20))
    }
}
