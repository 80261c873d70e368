import Paragraf

extension ProvisionRef {
    /// "§ 17, stk. 3", "kapitel 4", "bilag 1, afsnit 3".
    static func citation(of node: Node) -> String { citation(kind: node.kind, id: node.id, number: node.number) }

    /// The citation of a node given its kind, id and number: for §§ and their parts, the description of the
    /// ``Address`` its id stands for.
    static func citation(kind: NodeKind, id: String, number: String?) -> String {
        switch kind {
        case .chapter: return "kapitel \(number ?? "")"
        case .annex: return "bilag \(number ?? "")"
        case .block:
            let annex = id.split(separator: "/").first.map(String.init) ?? ""
            return "bilag \(annex.dropFirst(5)), afsnit \(number ?? "")"
        default:
            // Measured: reading the id byte-wise instead of parsing it as an ``Address`` saves about 7 % of a
            // whole `paragraf diff` of the ×10 corpora (a citation per node of both versions).
            switch fastDescription(id) {
            case .some(let known): return known ?? id
            case .none: return Address(id: id)?.description ?? id
            }
        }
    }

    /// `.some(Address(id: id)?.description)` when the id is plain enough to read byte-wise, nil otherwise.
    ///
    /// The id is read part by part without making strings; the description is written into one buffer.
    static func fastDescription(_ id: String) -> String?? {
        var id = id
        return id.withUTF8 { b -> String?? in
            guard b.count >= 2, b[0] == 0x70 /* p */ else { return nil }
            @inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
            @inline(__always) func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
            for c in b where c >= 0x80 { return nil }
            // The first part (up to the first slash): "p", digits, then anything.
            var firstEnd = 1
            while firstEnd < b.count, b[firstEnd] != 0x2F { firstEnd += 1 }
            var digitsEnd = 1
            while digitsEnd < firstEnd, isDigit(b[digitsEnd]) { digitsEnd += 1 }
            guard digitsEnd > 1 else { return nil }
            /// The decimal number after a prefix, leading zeros dropped as `Int` would (nil: not plain digits).
            func number(_ r: Range<Int>) -> Range<Int>? {
                guard !r.isEmpty, r.count <= 18 else { return nil }
                for k in r where !isDigit(b[k]) { return nil }
                var k = r.lowerBound
                while k < r.upperBound - 1, b[k] == 0x30 { k += 1 }  // Int("03") is 3
                return k..<r.upperBound
            }
            @inline(__always) func hasPrefix(_ r: Range<Int>, _ p0: UInt8, _ p1: UInt8, _ p2: UInt8?) -> Bool {
                let n = p2 == nil ? 2 : 3
                guard r.count >= n, b[r.lowerBound] == p0, b[r.lowerBound + 1] == p1 else { return false }
                return p2 == nil || b[r.lowerBound + 2] == p2!
            }
            // Later parts of the same kind win, as in `Address`.
            var subsection: Range<Int>?, item: Range<Int>?, litra: Range<Int>?, sentence: Range<Int>?
            var start = firstEnd + 1
            while start < b.count {
                var end = start
                while end < b.count, b[end] != 0x2F { end += 1 }
                let part = start..<end
                start = end + 1
                if part.isEmpty { continue }  // empty parts are skipped, as `split(separator:)` does
                if hasPrefix(part, 0x73, 0x74, 0x6B) {  // stk
                    // Anything but plain digits ("+3", "stk") is left to `Address`.
                    guard let value = number((part.lowerBound + 3)..<part.upperBound) else { return nil }
                    subsection = value
                } else if hasPrefix(part, 0x6E, 0x72, nil) {  // nr
                    item = (part.lowerBound + 2)..<part.upperBound
                } else if hasPrefix(part, 0x70, 0x6B, 0x74) {  // pkt
                    guard let value = number((part.lowerBound + 3)..<part.upperBound) else { return nil }
                    sentence = value
                } else if part.count == 1 {
                    litra = part
                } else {
                    return .some(nil)  // no legal address
                }
            }
            // "§ 17 a, stk. 3, nr. 2, litra b, 1. pkt."
            let section: Range<Int> = 1..<digitsEnd
            let sectionRest: Range<Int> = digitsEnd..<firstEnd
            let itemIsLetter = item.map { !$0.isEmpty && isLetter(b[$0.lowerBound]) } ?? false
            var length = 3 + section.count + (sectionRest.isEmpty ? 0 : 1 + sectionRest.count)
            if let subsection { length += 7 + subsection.count }
            if let item { length += (itemIsLetter ? 8 : 6) + item.count }
            if let litra { length += 8 + litra.count }
            if let sentence { length += 8 + sentence.count }
            let text = String(unsafeUninitializedCapacity: length) { out in
                var n = 0
                func put(_ literal: StaticString) {
                    let p = literal.utf8Start
                    for k in 0..<literal.utf8CodeUnitCount {
                        out[n] = p[k]
                        n += 1
                    }
                }
                func put(_ r: Range<Int>) {
                    for k in r {
                        out[n] = b[k]
                        n += 1
                    }
                }
                put("§ ")
                put(section)
                if !sectionRest.isEmpty {
                    put(" ")
                    put(sectionRest)
                }
                if let subsection {
                    put(", stk. ")
                    put(subsection)
                }
                if let item {
                    put(itemIsLetter ? ", litra " : ", nr. ")
                    put(item)
                }
                if let litra {
                    put(", litra ")
                    put(litra)
                }
                if let sentence {
                    put(", ")
                    put(sentence)
                    put(". pkt.")
                }
                return n
            }
            return .some(text)
        }
    }
}

