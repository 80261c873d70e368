/// The hit in context: a window of a provision's text around its marked words.
enum SearchContext {
    /// The text of `text` around the words matching `highlights`, at most `width` words (the whole text when
    /// shorter), with the byte ranges of the marked words in the result.
    static func make(_ text: String, highlights: [(word: String, prefix: Bool)], width: Int = 40) -> (String, [[Int]]) {
        let words = TextFolding.words(text)
        func marked(_ w: String) -> Bool {
            highlights.contains { h in h.prefix ? w.hasPrefix(h.word) : w == h.word }
        }
        let hits = words.indices.filter { marked(words[$0].word) }
        var first = 0
        var last = words.count - 1
        if words.count > width {
            // The window of `width` words with the most hits, starting a few words before the first of them.
            var best = 0
            var bestStart = 0
            var j = 0
            for start in hits {
                while j < hits.count && hits[j] < start + width { j += 1 }
                let count = j - (hits.firstIndex(of: start) ?? 0)
                if count > best {
                    best = count
                    bestStart = start
                }
            }
            first = max(0, min(bestStart - 6, words.count - width))
            last = min(words.count - 1, first + width - 1)
        }
        guard !words.isEmpty else { return (text, []) }
        let utf8 = Array(text.utf8)
        let from = first == 0 ? 0 : words[first].range.lowerBound
        let to = last == words.count - 1 ? utf8.count : words[last].range.upperBound
        let prefix = from > 0 ? "… " : ""
        let suffix = to < utf8.count ? " …" : ""
        let body = String(decoding: utf8[from..<to], as: UTF8.self)
        let shift = prefix.utf8.count - from
        let marks = hits.filter { $0 >= first && $0 <= last }.map { [words[$0].range.lowerBound + shift, words[$0].range.upperBound + shift] }
        return (prefix + body + suffix, marks)
    }
}
