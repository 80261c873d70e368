import Paragraf

/// What the aligner hands to change classification and reports.
struct AlignmentResult {
    var alignment: Alignment
    /// Aligned subsections, annex blocks and the preamble, for word-level comparison.
    var textPairs: [TextPair]
    /// Old node id → new node id, every level.
    var oldToNew: NodeMap
    /// New node id → old node id, every level.
    var newToOld: NodeMap
    /// The flattened old version (nodes, tokens) that units and token ranges index.
    var old: FlatVersion
    /// The flattened new version.
    var new: FlatVersion
}
