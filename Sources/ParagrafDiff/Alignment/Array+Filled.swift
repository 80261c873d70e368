import Foundation

extension Array {
    /// `count` copies of `value`. Allocated through the growth path the compiler specializes for
    /// `Element`: `Array(repeating:count:)` looks the storage's type metadata up at run time on every call
    /// (some 300 instructions, more than a small array costs to fill).
    @inline(__always)
    init(filled value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        for _ in 0..<count { append(value) }
    }
}
