import Paragraf

/// The units of the full-text index: one per § (with its stk., items and sentences), preamble, annex block, and
/// text the parser could not place. A hit is then shown at the stk. that holds it (``ParagrafStore/search``).
///
/// A § rather than a stk.: ranking touches every matching unit (bm25 reads each one's length), and a § is what
/// a search for a common word should weigh once; the index has as many rows as the dataset has provisions.
enum UnitText {
    /// Whether the node at `i` is a unit (an annex only when it has no blocks).
    static func isUnit(_ rows: [NodeRow], _ i: Int) -> Bool {
        switch rows[i].kind {
        case .section, .subsection, .preamble, .block, .unplaced: return true
        case .annex:
            let last = Int(rows[i].last)
            var j = i + 1
            while j <= last {
                if rows[j].kind == .block { return false }
                j += 1
            }
            return rows[i...last].contains { $0.text != nil }
        default: return false
        }
    }

    /// The units of a document's rows, outermost first, each with its folded text.
    static func units(_ rows: [NodeRow]) -> [(ordinal: Int32, body: String)] {
        var result: [(ordinal: Int32, body: String)] = []
        var i = 0
        while i < rows.count {
            if isUnit(rows, i) {
                let body = TextFolding.fold(text(rows, i))
                if !body.isEmpty { result.append((Int32(i), body)) }
                i = Int(rows[i].last) + 1
            } else {
                i += 1
            }
        }
        return result
    }

    /// The text of the unit at `i` as a reader sees it: item labels and leaf texts in order, joined by spaces.
    static func text(_ rows: [NodeRow], _ i: Int) -> String {
        var parts: [String] = []
        for row in rows[i...Int(rows[i].last)] {
            if row.kind == .item, let label = row.label { parts.append(label) }
            if let text = row.text { parts.append(text) }
        }
        return parts.joined(separator: " ")
    }
}
