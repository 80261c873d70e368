extension VersionChain {
    /// The intervals with every open end but the last closed at the start of the next member: for a work whose
    /// versions succeed one another without naming each other in a repeal statement, as a corpus of all law has
    /// them (the consolidations, LBK, of one act; bekendtgørelser of one title whose repealing text is not in the
    /// corpus). A member's own repeal-derived end is kept; only an end the chain leaves open is closed, by the
    /// first member that starts later.
    /// - Complexity: O(n) in the number of members (the intervals are ordered by start).
    public var successiveIntervals: [Interval] {
        var result = intervals
        var nextStart: LegalDate?
        for k in result.indices.reversed() {
            if result[k].end == nil, let next = nextStart, next > result[k].start { result[k].end = next }
            if nextStart == nil || result[k].start < nextStart! { nextStart = result[k].start }
        }
        return result
    }
}
