/// Scores one unit against many under an ``IDF``: the unit's bag is spread once into a table by key, so each
/// comparison walks only the other unit's bag, where ``IDF/similarity(_:_:)`` merges both bags.
///
/// The matcher compares each unit with the units of its gap and its rare-key sharers, so the table is filled
/// once per unit and read many times. The shared weight adds the same terms in the same (ascending key)
/// order as the merge, so every score is the same `Double`.
///
/// A twin of ``IDF/similarity(_:_:)`` (which stays for one-off pairs), kept for the 10 % budget of issue 13:
/// `VersionDiff.compare` of the 2003 → 2020 pair 52.4 M → 50.3 M instructions (-4.1 %), of the ×10 pair
/// 320.6 M → 318.9 M (-0.5 %) (callgrind, `paragraf-bench once diff`).
struct BagScorer {
    private let idf: IDF
    /// Per key, the loaded unit's count of it (0 for keys it does not hold).
    private var counts: [Int] = []
    /// The loaded unit's bag (it clears `counts` on the next load) and weight.
    private var loadedBag: [BagEntry] = []
    private var loadedWeight = 0.0

    init(_ idf: IDF) { self.idf = idf }

    /// Makes `a` the unit the next scores compare with.
    mutating func load(_ a: Unit) {
        for entry in loadedBag { counts[entry.key] = 0 }
        // Bags are sorted by key: the last key is the largest.
        if let last = a.bag.last, last.key >= counts.count {
            counts.append(contentsOf: repeatElement(0, count: last.key + 1 - counts.count))
        }
        for entry in a.bag { counts[entry.key] = entry.count }
        loadedBag = a.bag
        loadedWeight = a.weight
    }

    /// `idf.similarity(a, b)` for the loaded unit `a`.
    func similarity(_ b: Unit) -> Double {
        let denominator = loadedWeight + b.weight
        guard denominator > 0 else { return loadedBag.isEmpty && b.bag.isEmpty ? 1 : 0 }
        var shared = 0.0
        for entry in b.bag where entry.key < counts.count {
            let count = counts[entry.key]
            if count == 0 { continue }
            shared += idf.weight(entry.key) * Double(min(count, entry.count))
        }
        return 2 * shared / denominator
    }
}
