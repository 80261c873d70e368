/// What ``CitationScanner/scanLeaves(_:into:sink:)`` does with the citations found so far after each leaf.
protocol LeafSink {
    /// Called after a leaf is scanned, with every citation found and still kept.
    mutating func leafDone(_ found: inout [Citation])
}
