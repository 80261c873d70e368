/// Finds the citations in the text of a regulation (every leaf) or in free prose.
///
/// The extractor reads UTF-8 bytes in one forward pass; each citation is parsed by a small recursive
/// descent over its parts (§, stk., nr., litra, pkt., kapitel, bilag), lists ("§§ 12, 18 og 22") and ranges
/// ("§§ 26-29"), then the act that closes it ("…, i sundhedsloven") or opens it ("servicelovens §§ 104 og 110").
/// Every loop advances, and a citation's parse never looks back further than its lead word, so the cost is
/// linear in the text.
///
/// ```swift
/// let extractor = CitationExtractor()
/// for citation in extractor.citations(in: parsed) {
///     print(citation.span.start, citation.lead.rawValue, citation.text, citation.targets)
/// }
/// ```
public struct CitationExtractor: Sendable {
    /// The acts recognised by name.
    public var acts: ActTable
    /// Upper bound on the members a range expands to ("§§ 1-100000" keeps its range but expands to at most
    /// this many targets).
    public var maximumRangeExpansion: Int

    /// Creates an extractor.
    public init(acts: ActTable = .standard, maximumRangeExpansion: Int = 1000) {
        self.acts = acts
        self.maximumRangeExpansion = maximumRangeExpansion
    }

    /// The citations in every text leaf of a parsed document, in document order.
    public func citations(in parsed: ParsedDocument) -> [Citation] {
        citations(in: parsed.document, source: parsed.source)
    }

    /// The citations in every text leaf of `document` (sentences, annex blocks, the preamble, unplaced text),
    /// each with the id of its leaf. The title and signature are not searched.
    /// - Complexity: O(n) in the length of the source.
    public func citations(in document: Document, source: SourceText) -> [Citation] {
        var result: [Citation] = []
        withScanner(over: source, prose: false) { scanner in
            var gather = Gather()
            scanner.scanLeaves([document.root], into: &result, sink: &gather)
        }
        return result
    }

    /// Every citation of `document` (as ``citations(in:source:)`` finds them) resolved by `resolver`, in
    /// document order. Each leaf's citations are resolved as soon as it is scanned, so the unresolved ones
    /// are never all alive beside the resolved ones.
    func resolvedCitations(in document: Document, source: SourceText, resolver: TableResolver) -> [ResolvedCitation] {
        var sink = ResolvingSink(resolver: resolver)
        var leaf: [Citation] = []
        withScanner(over: source, prose: false) { scanner in
            scanner.scanLeaves([document.root], into: &leaf, sink: &sink)
        }
        sink.resolved.shrinkToFit()
        return sink.resolved
    }

    /// The citations in free prose (a letter, a municipal page). Spans index the UTF-8 bytes of `text`.
    ///
    /// In prose there is no citing document: a citation with no act stays act-less (kind
    /// ``CitationKind/externalAct`` with `act == nil`), except that "§§ 82/36" right after a pair of acts
    /// written "aktivloven/integrationsloven" puts one § in each.
    public func citations(inProse text: String) -> [Citation] {
        citations(inProse: SourceText(bytes: Array(text.utf8)))
    }

    /// The citations in free prose held in `source`.
    public func citations(inProse source: SourceText) -> [Citation] {
        var result: [Citation] = []
        withScanner(over: source, prose: true) { scanner in
            scanner.scan(0, source.bytes.count, nodeID: nil, into: &result)
        }
        return result
    }

    /// The citations in one byte range of `source` read as the text of a regulation, standing in node `nodeID`
    /// (nil when the place is unknown): "§ 17" is internal, "stk. 3" relative.
    public func citations(in source: SourceText, range: Range<Int>, nodeID: NodeID?) -> [Citation] {
        var result: [Citation] = []
        withScanner(over: source, prose: false) { scanner in
            scanner.scan(max(0, range.lowerBound), min(source.bytes.count, range.upperBound), nodeID: nodeID, into: &result)
        }
        return result
    }

    /// Runs `body` with a scanner over the bytes of `source`, which stay valid while it runs (the one place
    /// the scanner's buffer is made). The scanner reads the buffer with the parser's ``Bytes`` helpers, whose
    /// memchr and eight-bytes-a-step paths need it (measured there).
    private func withScanner(over source: SourceText, prose: Bool, _ body: (inout CitationScanner) -> Void) {
        source.bytes.withUnsafeBufferPointer { buffer in
            var scanner = CitationScanner(b: buffer, source: source, extractor: self, prose: prose)
            body(&scanner)
        }
    }
}
