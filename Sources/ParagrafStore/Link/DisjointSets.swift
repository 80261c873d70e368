import Paragraf
import ParagrafReferences

/// Union-find over indices.
struct DisjointSets {
    private var parent: [Int]

    init(_ count: Int) { parent = Array(0..<count) }

    mutating func find(_ i: Int) -> Int {
        var root = i
        while parent[root] != root { root = parent[root] }
        var j = i
        while parent[j] != root {
            let next = parent[j]
            parent[j] = root
            j = next
        }
        return root
    }

    mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a)
        let rb = find(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}
