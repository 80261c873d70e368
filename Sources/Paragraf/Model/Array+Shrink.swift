extension Array {
    /// Moves the elements into storage of their own size when more than a fifth of the capacity is spare,
    /// so that a table built by appending does not keep its growth slack for as long as it lives.
    /// - Complexity: O(n) when it copies, O(1) otherwise.
    package mutating func shrinkToFit() {
        guard capacity - count > count / 4 else { return }
        var exact: [Element] = []
        exact.reserveCapacity(count)
        exact.append(contentsOf: self)
        self = exact
    }
}
