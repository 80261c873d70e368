/// Node ids read as paths ("p17/stk3/pkt2"): components split at the "/" byte, prefixes compared by bytes.
///
/// The parser builds an id from its parent's id, "/" and a component of ASCII letters and the node's number,
/// so splitting the UTF-8 bytes is splitting the path.
enum IDPath {
    /// The first component ("p17/stk3" → "p17"); the whole id when it has no component.
    static func first(_ id: String) -> Substring {
        let parts = components(id, limit: 1)
        return parts.isEmpty ? Substring(id) : id[parts[0]]
    }

    /// The subsection (or section) id holding a leaf id: "p1/stk2/pkt1" → "p1/stk2", "p1/pkt1" → "p1".
    static func subsection(_ id: String) -> String {
        let parts = components(id, limit: 2)
        guard let first = parts.first else { return id }
        if parts.count == 2, id[parts[1]].utf8.starts(with: "stk".utf8) { return id[first] + "/" + id[parts[1]] }
        return String(id[first])
    }

    /// The ranges of the first `limit` non-empty components of `id`.
    private static func components(_ id: String, limit: Int) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        var start: String.Index? = nil
        var k = id.utf8.startIndex
        while k < id.utf8.endIndex && result.count < limit {
            if id.utf8[k] == slash {
                if let s = start { result.append(s..<k) }
                start = nil
            } else if start == nil {
                start = k
            }
            k = id.utf8.index(after: k)
        }
        if let s = start, result.count < limit { result.append(s..<id.utf8.endIndex) }
        return result
    }

    /// Whether `a` and `b` are the same id or one holds the other ("p17" and "p17/stk3").
    static func covers(_ a: String, _ b: String) -> Bool { a == b || extends(b, a) || extends(a, b) }

    /// Whether `long` is `short`, "/" and more.
    private static func extends(_ long: String, _ short: String) -> Bool {
        let l = long.utf8, s = short.utf8
        guard l.count > s.count, l.starts(with: s) else { return false }
        return l[l.index(l.startIndex, offsetBy: s.count)] == slash
    }

    /// `id` with "-" for every "/" (for anchors): "p17/stk3" → "p17-stk3".
    static func dashed(_ id: String) -> String {
        String(decoding: id.utf8.map { $0 == slash ? 0x2D : $0 }, as: UTF8.self)
    }

    private static let slash = UInt8(ascii: "/")
}
