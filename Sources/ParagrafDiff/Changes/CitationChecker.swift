import Paragraf
import ParagrafReferences

/// Checks the internal citations of the new version against the old version at the same place.
///
/// For a citation in new subsection S, the old version's citations in S's counterpart are the witnesses.
/// A new target is fine when some old target at that place maps to it through the alignment. Otherwise:
/// - **stale**: an old target there has the *same address* as the new one but was renumbered, so the
///   unchanged number now names another provision (the expected target is the counterpart);
/// - **changed target**: the old place cited a provision whose counterpart the new place no longer cites,
///   and the new citation names something else;
/// - **unresolved**: the new target names nothing, while the old citation at that place resolved (or the
///   citation is new); one that was already broken in the old version is not a change and is not reported.
/// Citations with no witness (new text) are only checked for resolution.
struct CitationChecker {
    let old: ParsedDocument
    let new: ParsedDocument
    let aligned: AlignmentResult
    /// The citations of the old version.
    let oldGraph: ReferenceGraph
    /// The citations of the new version.
    let newGraph: ReferenceGraph

    /// The subsection (or section) id holding a leaf id: "p1/stk2/pkt1" → "p1/stk2".
    static func subsectionID(_ id: String) -> String {
        var id = id
        let ascii = id.withUTF8 { b -> String?? in
            for c in b where c >= 0x80 { return nil }
            // ASCII: slashes are single characters, so bytes split as characters do. The first two parts
            // (empty ones skipped).
            var parts: (Range<Int>?, Range<Int>?) = (nil, nil)
            var start = 0
            var i = 0
            while i <= b.count {
                if i == b.count || b[i] == 0x2F {
                    if i > start {
                        if parts.0 == nil { parts.0 = start..<i } else { parts.1 = start..<i; break }
                    }
                    start = i + 1
                }
                i += 1
            }
            guard let first = parts.0 else { return .some(nil) }
            if let second = parts.1, second.count >= 3, b[second.lowerBound] == 0x73, b[second.lowerBound + 1] == 0x74,
                b[second.lowerBound + 2] == 0x6B
            {
                if second.lowerBound == first.upperBound + 1 {
                    return String(decoding: UnsafeBufferPointer(rebasing: b[first.lowerBound..<second.upperBound]), as: UTF8.self)
                }
                return String(decoding: UnsafeBufferPointer(rebasing: b[first]), as: UTF8.self) + "/"
                    + String(decoding: UnsafeBufferPointer(rebasing: b[second]), as: UTF8.self)
            }
            return String(decoding: UnsafeBufferPointer(rebasing: b[first]), as: UTF8.self)
        }
        if let ascii { return ascii ?? id }
        let parts = id.split(separator: "/")
        if parts.count >= 2, parts[1].hasPrefix("stk") { return parts[0] + "/" + parts[1] }
        return parts.first.map(String.init) ?? id
    }

    /// The new id of old node `id`, through its nearest aligned ancestor ("p17/stk3/pkt2" → "p21/stk3/pkt2").
    func mapOld(_ id: String) -> String? { aligned.oldToNew.throughAncestors(id) }

    static func covers(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        // ASCII ids (the usual) compare byte for byte, where characters are bytes.
        let ascii = a.withUTF8 { x in
            b.withUTF8 { y -> Bool? in
                guard !x.contains(where: { $0 >= 0x80 }), !y.contains(where: { $0 >= 0x80 }) else { return nil }
                /// Whether `long` is `short` + "/" + something (or nothing).
                func extends(_ long: UnsafeBufferPointer<UInt8>, _ short: UnsafeBufferPointer<UInt8>) -> Bool {
                    long.count > short.count && long[short.count] == 0x2F
                        && long.prefix(short.count).elementsEqual(short)
                }
                return x.elementsEqual(y) || extends(y, x) || extends(x, y)
            }
        }
        if let ascii { return ascii }
        return a == b || b.hasPrefix(a + "/") || a.hasPrefix(b + "/")
    }

    /// A number to compare citations by: the § or chapter number's digits.
    static func number(_ address: Address) -> Int? {
        var text = address.section ?? address.chapter ?? address.annex ?? ""
        // Leading ASCII digits followed by an ASCII byte or the end are the digits a character-wise
        // scan finds (a digit is a character of its own unless a non-ASCII mark follows it).
        // The result is `Int` of those digits: nil for none or on overflow.
        let ascii = text.withUTF8 { b -> Int?? in
            var end = 0
            var value = 0
            var overflow = false
            while end < b.count, b[end] >= 0x30, b[end] <= 0x39 {
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(Int(b[end] - 0x30))
                overflow = overflow || o1 || o2
                value = sum
                end += 1
            }
            guard end == b.count || b[end] < 0x80 else { return nil }
            return .some(end == 0 || overflow ? nil : value)
        }
        if let ascii { return ascii }
        return Int(text.prefix { $0.isNumber })
    }

    func check() -> [CitationChange] {
        // Citations are kept as indices into the graphs: the places hold lists of them, and an old target
        // is a citation and a target index, so the (large) resolved citations are never copied.
        var oldByPlace: [String: [Int]] = [:]
        for (place, citations) in CitationChecker.byPlace(oldGraph.citations) { oldByPlace[place] = citations }
        var result: [CitationChange] = []
        for (place, citations) in CitationChecker.byPlace(newGraph.citations) {
            var check = PlaceCheck(self, place: place, citations: citations, oldByPlace: oldByPlace)
            check.report(into: &result)
        }
        return result
    }

    /// The internal citations of a graph by place (the subsection holding them, ``subsectionID(_:)``), the
    /// places in order of first citation.
    static func byPlace(_ citations: [ResolvedCitation]) -> [(place: String, citations: [Int])] {
        var placeIndex: [String: Int] = [:]
        placeIndex.reserveCapacity(citations.count)
        var places: [(place: String, citations: [Int])] = []
        // Citations of one provision follow one another: the place of the last source is kept.
        var lastSource: String? = nil
        var lastIndex = -1
        for k in citations.indices where citations[k].citation.kind == .internalAbsolute || citations[k].citation.kind == .internalRelative {
            guard let source = citations[k].sourceID else { continue }
            if source != lastSource {
                lastSource = source
                let place = subsectionID(source)
                if let known = placeIndex[place] {
                    lastIndex = known
                } else {
                    lastIndex = places.count
                    placeIndex[place] = lastIndex
                    places.append((place, []))
                }
            }
            places[lastIndex].citations.append(k)
        }
        return places
    }
}
