/// The hit in context: a window of a provision's text around its marked words.
enum SearchContext {
    /// The text of `text` around the words matching `highlights`, at most `width` words (the whole text when
    /// shorter), with the byte ranges of the marked words in the result.
    /// - Complexity: O(n) in the text; a word is folded only to compare it.
    static func make(_ text: String, highlights: [(word: String, prefix: Bool)], width: Int = 40) -> (String, [[Int]]) {
        let utf8 = Array(text.utf8)
        let words = TextFolding.wordRanges(utf8)
        guard !words.isEmpty else { return (text, []) }
        let wanted = highlights.map { (bytes: Array($0.word.utf8), prefix: $0.prefix) }
        // A word is folded only when its first byte, folded, can start one of the wanted words.
        let heads = Set(wanted.compactMap(\.bytes.first))
        let hits = words.indices.filter { k in
            let c = utf8[words[k].lowerBound]
            if c < 0x80, !heads.contains(c >= 0x41 && c <= 0x5A ? c | 0x20 : c) { return false }
            let folded = TextFolding.foldBytes(utf8[words[k]])
            return wanted.contains { h in h.prefix ? folded.starts(with: h.bytes) : folded == h.bytes }
        }
        var first = 0
        var last = words.count - 1
        if words.count > width {
            // The window of `width` words with the most hits, starting a few words before the first of them.
            var best = 0
            var bestStart = 0
            var j = 0
            for (n, start) in hits.enumerated() {
                while j < hits.count && hits[j] < start + width { j += 1 }
                if j - n > best {
                    best = j - n
                    bestStart = start
                }
            }
            first = max(0, min(bestStart - 6, words.count - width))
            last = min(words.count - 1, first + width - 1)
        }
        let from = first == 0 ? 0 : words[first].lowerBound
        let to = last == words.count - 1 ? utf8.count : words[last].upperBound
        let prefix = from > 0 ? "… " : ""
        let suffix = to < utf8.count ? " …" : ""
        let body = String(decoding: utf8[from..<to], as: UTF8.self)
        let shift = prefix.utf8.count - from
        let marks = hits.filter { $0 >= first && $0 <= last }.map { [words[$0].lowerBound + shift, words[$0].upperBound + shift] }
        return (prefix + body + suffix, marks)
    }
}
