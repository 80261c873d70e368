import Paragraf

extension FlatVersion {
    // MARK: Text

    /// The citation of `node` ("§ 17, stk. 3"), computed once.
    func citation(_ node: Int) -> String {
        if let c = citations[node] { return c }
        let c = Aligner.citation(kind: nodes[node].kind, id: nodes[node].id, number: nodes[node].number)
        citations[node] = c
        return c
    }

    /// The reference the diff gives node `node`: id, citation, chapter, caption and range.
    func ref(_ node: Int) -> ProvisionRef {
        // Captions orient readers in tables of chapters and §§; finer levels are shown with their text.
        let kind = nodes[node].kind
        let captioned: Bool
        switch kind {
        case .chapter, .section, .annex, .part, .preamble: captioned = true
        default: captioned = false
        }
        return ProvisionRef(
            id: nodes[node].id, citation: citation(node), kind: kind, chapter: chapterID(node),
            caption: captioned ? caption(node) : "", range: nodes[node].range)
    }

    /// A chapter's title, or the first words of a provision (``Aligner/caption(of:)``), computed once.
    func caption(_ node: Int) -> String {
        if let title = nodes[node].title { return title }
        if let known = captions[node] { return known }
        if let head = byteWiseCaption(node) {
            captions[node] = head
            return head
        }
        let head = standardCaption(node)
        captions[node] = head
        return head
    }

    /// ``caption(_:)`` split and joined over bytes (``splitOnSpaces(_:maxSplits:)`` word for word), nil
    /// when a text has a scalar the byte-wise split leaves to the standard library.
    func byteWiseCaption(_ node: Int) -> String? {
        // The words are joined in a buffer kept from caption to caption (a text the byte-wise split leaves
        // to the standard library makes the whole caption nil, whatever was joined before it).
        captionBytes.removeAll(keepingCapacity: true)
        var words = 0
        var i = node
        let end = Int(nodes[node].end)
        while i < end && words <= 8 {
            if var text = nodes[i].text {
                let ok = text.withUTF8 { b -> Bool in
                    FlatVersion.forEachSplit(b, maxSplits: 9 - words) { r in
                        if words < 8 {
                            if words > 0 { captionBytes.append(0x20) }
                            captionBytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[r]))
                        }
                        words += 1
                    }
                }
                if !ok { return nil }
            }
            i += 1
        }
        if words > 8 { captionBytes += [0x20, 0xE2, 0x80, 0xA6] }  // " …"
        return String(decoding: captionBytes, as: UTF8.self)
    }

    /// ``caption(_:)`` with the standard library's strings.
    func standardCaption(_ node: Int) -> String {
        var words: [Substring] = []
        var i = node
        let end = Int(nodes[node].end)
        while i < end && words.count <= 8 {
            if let text = nodes[i].text {
                words += FlatVersion.splitOnSpaces(text, maxSplits: 9 - words.count)
            }
            i += 1
        }
        // `words.prefix(8).joined(separator: " ")`, appended in place.
        var head = ""
        var length = words.count > 8 ? 4 : 0
        for w in words.prefix(8) { length += w.utf8.count + 1 }
        head.reserveCapacity(length)
        for (k, w) in words.prefix(8).enumerated() {
            if k > 0 { head.append(" ") }
            head.append(contentsOf: w)
        }
        if words.count > 8 { head.append(" …") }
        return head
    }

    /// The byte ranges of ``splitOnSpaces(_:maxSplits:)`` over the UTF-8 bytes of a text, the same
    /// algorithm step for step; nil where that function asks the standard library (and for `maxSplits` ≤ 0).
    static func splitRanges(_ b: UnsafeBufferPointer<UInt8>, maxSplits: Int) -> [Range<Int>]? {
        var result: [Range<Int>] = []
        return forEachSplit(b, maxSplits: maxSplits) { result.append($0) } ? result : nil
    }

    /// Calls `body` with each range ``splitRanges(_:maxSplits:)`` returns, in order, without a list;
    /// false where that function returns nil (after calling `body` with the ranges found up to there).
    static func forEachSplit(_ b: UnsafeBufferPointer<UInt8>, maxSplits: Int, _ body: (Range<Int>) -> Void) -> Bool {
        if maxSplits <= 0 { return false }
        let n = b.count
        /// Whether the non-ASCII scalar at `k` is one that cannot join a space (Latin-1, dashes, quotes).
        func plain(_ k: Int) -> Bool {
            let c = b[k]
            if c == 0xC2 || c == 0xC3 { return k + 1 < n }
            guard c == 0xE2 else { return false }
            guard k + 1 < n, b[k + 1] == 0x80 else { return false }
            return k + 2 < n && ((0x90...0x9F).contains(b[k + 2]) || b[k + 2] == 0xA6)
        }
        var found = 0
        var start = 0
        var end = 0
        while end != n {
            let c = b[end]
            if c == 0x20 {
                let next = end + 1
                if next < n, b[next] >= 0x80, !plain(next) { return false }
                let appended = start != end
                if appended {
                    body(start..<end)
                    found += 1
                }
                end += 1
                start = end
                if appended && found == maxSplits { break }
                continue
            }
            if c >= 0x80 {
                guard plain(end) else { return false }
                end += c == 0xE2 ? 2 : 1
            }
            end += 1
        }
        if start != n { body(start..<n) }
        return true
    }

    /// `text.split(separator: " ", maxSplits: maxSplits, omittingEmptySubsequences: true)`, byte-wise when
    /// no scalar of the text can join a space into a larger character (ASCII, Latin-1, general punctuation
    /// dashes and quotes), which spares the grapheme breaking of a character-wise split.
    static func splitOnSpaces(_ text: String, maxSplits: Int) -> [Substring] {
        func standard() -> [Substring] { text.split(separator: " ", maxSplits: maxSplits, omittingEmptySubsequences: true) }
        if maxSplits <= 0 { return standard() }
        // The standard library's algorithm, over bytes, as far as the splits go; any other scalar in
        // that stretch sends the text to the standard library.
        let utf8 = text.utf8
        /// Whether the non-ASCII scalar at `k` is one that cannot join a space (Latin-1, dashes, quotes).
        func plain(_ k: String.Index) -> Bool {
            let c = utf8[k]
            if c == 0xC2 || c == 0xC3 { return utf8.index(after: k) < utf8.endIndex }
            guard c == 0xE2 else { return false }
            let k1 = utf8.index(after: k)
            guard k1 < utf8.endIndex, utf8[k1] == 0x80 else { return false }
            let k2 = utf8.index(after: k1)
            return k2 < utf8.endIndex && ((0x90...0x9F).contains(utf8[k2]) || utf8[k2] == 0xA6)
        }
        var result: [Substring] = []
        var start = utf8.startIndex
        var end = start
        while end != utf8.endIndex {
            let c = utf8[end]
            if c == 0x20 {
                // A combining mark after the space would make the two one character.
                let next = utf8.index(after: end)
                if next < utf8.endIndex, utf8[next] >= 0x80, !plain(next) { return standard() }
                let appended = start != end
                if appended { result.append(text[start..<end]) }
                end = utf8.index(after: end)
                start = end
                if appended && result.count == maxSplits { break }
                continue
            }
            if c >= 0x80 {
                guard plain(end) else { return standard() }
                end = utf8.index(end, offsetBy: c == 0xE2 ? 2 : 1)
            }
            end = utf8.index(after: end)
        }
        if start != utf8.endIndex { result.append(text[start..<utf8.endIndex]) }
        return result
    }

}
