/// Gives the nodes of one document their ids, each unique: every reader (text, LexDania, HTML) makes its
/// ids here.
///
/// A node's id is its step under its parent's id (``NodeID/appending(_:occurrence:)``). When a step repeats
/// under the same parent (a text that numbers two §§ 5), the repeat gets the next occurrence (`p5~2`) and the
/// reader reports it (`P012`, `X005`) with ``Allocation/repeated``:
///
/// ```swift
/// var ids = NodeIDAllocator()
/// let first = ids.unique(.section("5"), under: nil)      // p5
/// let again = ids.unique(.section("5"), under: nil)      // p5~2, repeated: p5
/// let stk = ids.sequential(.subsection(1), under: first.id)
/// ```
public struct NodeIDAllocator: Sendable {
    /// An id given by ``NodeIDAllocator/unique(_:under:)``.
    public struct Allocation: Sendable {
        /// The id, unique among the ids the allocator gave.
        public var id: NodeID
        /// The id the step would have had, when it was given before (so `id` has an occurrence after it).
        public var repeated: NodeID?
    }

    /// How often each id was asked for.
    private var counts: [NodeID: Int] = [:]

    /// Creates an allocator with room for `minimumCapacity` checked ids.
    public init(minimumCapacity: Int = 0) {
        counts.reserveCapacity(minimumCapacity)
    }

    /// The id of a new node `step` under `parent` (nil for a top-level node), checked against every id
    /// this allocator gave with ``unique(_:under:)``: a repeat gets the next occurrence.
    /// - Complexity: One hash of the id in the common case (a new id).
    public mutating func unique(_ step: NodeID.Step, under parent: NodeID?) -> Allocation {
        let id = parent.map { $0.appending(step) } ?? NodeID(step)
        // One hash of the id in the common case (a new id), not a lookup and then an insert.
        guard let count = counts.updateValue(1, forKey: id) else { return Allocation(id: id, repeated: nil) }
        counts[id] = count + 1
        let again = parent.map { $0.appending(step, occurrence: count + 1) } ?? NodeID(step, occurrence: count + 1)
        return Allocation(id: again, repeated: id)
    }

    /// The id of a new node `step` under `parent`, without a lookup: for a step a reader numbers from a
    /// counter that only grows under one parent (a § numbers its stk., a stk. its sentences), so the id
    /// is new whenever the parent's is. Not remembered for ``unique(_:under:)``.
    public func sequential(_ step: NodeID.Step, under parent: NodeID) -> NodeID {
        parent.appending(step)
    }

    /// Forgets every id given (frees the table once a reader has made all its ids).
    public mutating func removeAll() {
        counts = [:]
    }
}
