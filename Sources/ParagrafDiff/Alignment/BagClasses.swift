/// Classes of units with equal bags, over two lists: units of one class have the same weight and score
/// alike against any unit.
struct BagClasses {
    /// The class of each old unit, by position.
    let old: [Int32]
    /// The class of each new unit, by position.
    let new: [Int32]

    /// A bag as a dictionary key, hashed by a digest of its entries computed once.
    private struct Key: Hashable {
        let bag: [BagEntry]
        let digest: UInt64

        init(_ bag: [BagEntry]) {
            self.bag = bag
            var h: UInt64 = 0x243F_6A88_85A3_08D3
            for entry in bag {
                h = (h ^ UInt64(truncatingIfNeeded: entry.key)) &* 0x9E37_79B9_7F4A_7C15
                h = (h ^ UInt64(truncatingIfNeeded: entry.count)) &* 0xBF58_476D_1CE4_E5B9
            }
            digest = h
        }

        static func == (a: Key, b: Key) -> Bool { a.digest == b.digest && a.bag == b.bag }
        func hash(into hasher: inout Hasher) { hasher.combine(digest) }
    }

    init(_ oldUnits: [Unit], _ newUnits: [Unit]) {
        var classOf: [Key: Int32] = [:]
        func classify(_ bag: [BagEntry]) -> Int32 {
            let key = Key(bag)
            if let known = classOf[key] { return known }
            let id = Int32(classOf.count)
            classOf[key] = id
            return id
        }
        old = oldUnits.map { classify($0.bag) }
        // Classes are numbered from 0 as first met, so the old side's are those numbered so far.
        let oldClasses = classOf.count
        new = newUnits.map { classify($0.bag) }
        var seen = [Bool](repeating: false, count: classOf.count)
        var newClasses = 0
        for c in new where !seen[Int(c)] {
            seen[Int(c)] = true
            newClasses += 1
        }
        repeats = oldClasses < old.count || newClasses < new.count
    }

    /// Whether a bag repeats within a side: otherwise every unit has a class of its own, and no pair of classes
    /// is asked twice.
    let repeats: Bool

    /// The classes, or nil when no bag repeats within a side (see ``repeats``).
    var repeating: BagClasses? { repeats ? self : nil }

    /// The key of the score of old unit `i` against new unit `j`: their classes.
    func pair(_ i: Int, _ j: Int) -> Int { Int(old[i]) << 32 | Int(new[j]) }
}
