import Paragraf

/// An aligned pair of provisions (a ``TextPair``) with the word diff of its two token runs, and the category
/// each of its changes was claimed for.
///
/// A class: every detector walks all pairs, and a pair (runs, hunks) would be copied, field by field, at
/// each step of each walk.
final class ComparedPair {
    /// The index of the pair in the alignment's ``AlignmentResult/textPairs`` (not a copy: a pair's two
    /// references are large, and the compared pairs live through the whole classification), and its two nodes.
    let index: Int
    let oldNode: Int
    let newNode: Int
    let oldTokens: TokenRun
    let newTokens: TokenRun
    /// The word diff of the two runs; empty when they read the same.
    let hunks: [DiffHunk]
    /// Per hunk, the category once claimed: entries `firstHunk...` of a table shared by all pairs (one list
    /// instead of one per pair).
    private let claims: ClaimTable
    private let firstHunk: Int

    init(
        index: Int, oldNode: Int, newNode: Int, oldTokens: TokenRun, newTokens: TokenRun, hunks: [DiffHunk],
        claims: ClaimTable
    ) {
        self.index = index
        self.oldNode = oldNode
        self.newNode = newNode
        self.oldTokens = oldTokens
        self.newTokens = newTokens
        self.hunks = hunks
        self.claims = claims
        firstHunk = claims.values.count
        claims.values.append(contentsOf: repeatElement(nil, count: hunks.count))
    }

    /// The category hunk `h` was claimed for, nil while no detector has claimed it.
    @inline(__always) func category(_ h: Int) -> ChangeCategory? { claims.values[firstHunk + h] }

    /// Claims hunk `h` for `category`, unless an earlier detector claimed it.
    @inline(__always) func claim(_ h: Int, as category: ChangeCategory) {
        if claims.values[firstHunk + h] == nil { claims.values[firstHunk + h] = category }
    }

    /// The categories of the hunks of all compared pairs.
    final class ClaimTable {
        var values: [ChangeCategory?] = []
    }
}
