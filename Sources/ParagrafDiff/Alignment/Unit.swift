import Foundation
import Paragraf

/// A provision prepared for comparison: its node, its tokens and the sparse vector alignment scores.
struct Unit {
    /// The node (chapter, section, subsection or item): an index into its version's ``FlatVersion/nodes``.
    var node: Int
    /// Index of the unit in its level, in document order.
    var index: Int
    /// Tokens of the provision's text (labels of nested items included), in order, as a range of its
    /// version's token table; kept only for the levels whose words are compared (subsections, annex
    /// blocks), empty otherwise.
    var tokens: Range<Int>
    /// Number of word tokens.
    var wordCount: Int
    /// Hash of the exact text (token keys), numbers included.
    var exactHash: Int
    /// Comparison keys with era terms folded and numbers generalized, with their counts, sorted by key.
    var bag: [BagEntry]
    /// Total weight of `bag` under the idf table.
    var weight: Double = 0
}
