import Foundation

/// Classes of units with equal bags, over two lists: units of one class have the same weight and score
/// alike against any unit.
struct BagClasses {
    /// The class of each old unit, by position.
    var old: [Int32] = []
    /// The class of each new unit, by position.
    var new: [Int32] = []

    init(_ oldUnits: [Unit], _ newUnits: [Unit]) {
        var firstClass: [UInt64: Int32] = [:]
        var bags: [[BagEntry]] = []
        /// Per class, the next class whose bag has the same hash, -1 at the end of the chain.
        var next: [Int32] = []
        func classify(_ bag: [BagEntry]) -> Int32 {
            var h: UInt64 = 0x243F_6A88_85A3_08D3
            for entry in bag {
                h = (h ^ UInt64(truncatingIfNeeded: entry.key)) &* 0x9E37_79B9_7F4A_7C15
                h = (h ^ UInt64(truncatingIfNeeded: entry.count)) &* 0xBF58_476D_1CE4_E5B9
            }
            let id = Int32(bags.count)
            if var c = firstClass[h] {
                while true {
                    if bags[Int(c)] == bag { return c }
                    if next[Int(c)] < 0 { break }
                    c = next[Int(c)]
                }
                next[Int(c)] = id
            } else {
                firstClass[h] = id
            }
            bags.append(bag)
            next.append(-1)
            return id
        }
        old = oldUnits.map { classify($0.bag) }
        new = newUnits.map { classify($0.bag) }
    }
}
