/// Keeps every citation.
struct Gather: LeafSink {
    func leafDone(_ found: inout [Citation]) {}
}
