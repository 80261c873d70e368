import Foundation

/// Reads the metadata a regulation states about itself from its parsed tree.
enum MetadataExtractor {
    /// The metadata of the tree `root`; `sentences` are the texts of its sentences that may hold "træder i
    /// kraft" or "ophæves" (``mayHoldKeyword(_:)`` on their bytes), in document order, collected by the parser
    /// as it makes them.
    static func extract(root: Node, sentences: [String]) -> Metadata {
        var metadata = Metadata()
        let title = root.children.first { $0.kind == .title }?.text
        metadata.title = title
        metadata.documentType = documentType(of: title)
        if let preamble = root.children.first(where: { $0.kind == .preamble })?.text {
            metadata.legalBasis = preamble
            metadata.legalBasisAct = legalBasisAct(in: preamble)
        }
        // The text parser puts the signature at the top level; walking the whole tree for it cost as
        // much as the sentence loop below.
        if let signature = root.children.first(where: { $0.kind == .signature })?.text {
            readSignature(signature, into: &metadata)
        }
        // Only sentences that hold "træder i kraft" or "ophæves" matter; the parser hands over those that may
        // (`sentences`), so that this does not walk the whole tree again (the walk retained every node and
        // cost 12 % of the parse: perf).
        for text in sentences {
            let (inForceAt, hasRepeal) = keywords(in: text)
            if let inForceAt, metadata.inForceDate == nil {
                let rest = String(decoding: text.utf8.dropFirst(inForceAt + inForce.count), as: UTF8.self)
                metadata.inForceDate = DanishDates.firstDate(in: rest)
            }
            if hasRepeal {
                metadata.repeals.append(contentsOf: repeals(in: text))
            }
        }
        return metadata
    }

    static func documentType(of title: String?) -> DocumentType {
        guard let t = title?.lowercased() else { return .unknown }
        if t.hasPrefix("bekendtgørelse af lov") || t.hasPrefix("lovbekendtgørelse") { return .lovbekendtgoerelse }
        if t.hasPrefix("bekendtgørelse") { return .bekendtgoerelse }
        if t.hasPrefix("lov ") || t == "lov" { return .lov }
        if t.hasPrefix("cirkulære") { return .cirkulaere }
        if t.hasPrefix("vejledning") { return .vejledning }
        return .unknown
    }

    static let inForce = Array("træder i kraft".utf8)
    /// "træder" alone: in the raw text a line break may stand inside "træder i kraft".
    static let inForceWord = Array("træder".utf8)
    static let repealed = Array("ophæves".utf8)

    /// Where `inForce` starts in `utf8`, and whether "ophæves" occurs in it.
    ///
    /// Byte search, not Foundation's `range(of:)`/`contains`: this sees sentences as they are made, and
    /// bridging each one to NSString took half of the parse time (callgrind, tools/README.md). Both words
    /// hold "æ" (C3 A6): memchr for its second byte, then compare around it.
    static func keywords(
        in b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, inForce: [UInt8] = inForce
    ) -> (inForceAt: Int?, hasRepeal: Bool) {
        var inForceAt: Int?
        var hasRepeal = false
        var at = Bytes.next(0xA6, in: b, from: start, to: end)
        while at < end {
            if inForceAt == nil, matches(inForce, in: b.span, at: at - 3, start, end) { inForceAt = at - 3 - start }
            if matches(repealed, in: b.span, at: at - 4, start, end) { hasRepeal = true }
            at = Bytes.next(0xA6, in: b, from: at + 1, to: end)
        }
        return (inForceAt, hasRepeal)
    }

    /// ``keywords(in:_:_:inForce:)`` over a sentence's normalized text.
    static func keywords(in text: String) -> (inForceAt: Int?, hasRepeal: Bool) {
        var text = text
        return text.withUTF8 { keywords(in: $0, 0, $0.count) }
    }

    /// Whether the raw bytes of a sentence may hold "træder i kraft" or "ophæves" (before its text is
    /// normalized; ``extract(root:sentences:)`` then looks at the text).
    static func mayHoldKeyword(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let found = keywords(in: b, start, end, inForce: inForceWord)
        return found.inForceAt != nil || found.hasRepeal
    }

    /// "… § 11, stk. 2 i lov om tandpleje m.v., jf. …" → "lov om tandpleje m.v.";
    /// "… § 166, stk. 4, i sundhedsloven, jf. …" → "sundhedsloven".
    ///
    /// Works on bytes lowercased in place (ASCII and Latin-1 letters keep their UTF-8 length): when a text
    /// has no structure, the "preamble" is the whole document, and `lowercased()` plus Foundation
    /// searches cost ~1 000 instructions a character (callgrind on the flattened amending act).
    static func legalBasisAct(in preamble: String) -> String? {
        let u = Array(preamble.utf8)
        let lower = lowercasedLatin(u)
        var searchEnd = lower.count
        if let jf = firstIndex(of: Array(", jf.".utf8), in: lower, from: 0) { searchEnd = jf }
        if let fastsaettes = firstIndex(of: Array(" fastsættes".utf8), in: lower, from: 0), fastsaettes < searchEnd {
            searchEnd = fastsaettes
        }
        // The last " i " before the end.
        var i = searchEnd - 3
        while i >= 0 && !(lower[i] == 0x20 && lower[i + 1] == 0x69 && lower[i + 2] == 0x20) { i -= 1 }
        guard i >= 0 else { return nil }
        // Trim spaces and commas (what `trimmingCharacters(in: " ,")` did).
        var from = i + 3
        var to = searchEnd
        while from < to && (u[from] == 0x20 || u[from] == 0x2C) { from += 1 }
        while to > from && (u[to - 1] == 0x20 || u[to - 1] == 0x2C) { to -= 1 }
        let actLower = lower[from..<to]
        guard actLower.starts(with: Array("lov".utf8)) || firstIndex(of: Array("loven".utf8), in: Array(actLower), from: 0) != nil
        else { return nil }
        return String(decoding: u[from..<to], as: UTF8.self)
    }

    /// `bytes` with A-Z and the Latin-1 capitals (Æ, Ø, Å, É …: C3 80-9E but ×) lowercased; same length.
    static func lowercasedLatin(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        var k = 0
        while k < out.count {
            let c = out[k]
            if c >= 0x41 && c <= 0x5A {
                out[k] = c | 0x20
            } else if c == 0xC3 && k + 1 < out.count && out[k + 1] >= 0x80 && out[k + 1] <= 0x9E && out[k + 1] != 0x97 {
                out[k + 1] += 0x20
                k += 1
            }
            k += 1
        }
        return out
    }

    /// "Indenrigs- og Sundhedsministeriet, den 11. december 2003 Lars Løkke Rasmussen /Ulla Kallestrup".
    ///
    /// Standard library only: Foundation's `range(of:)` and `trimmingCharacters(in:)` cost 6 % of parsing
    /// the 2003 text (callgrind).
    static func readSignature(_ text: String, into metadata: inout Metadata) {
        let u = Array(text.utf8)
        guard let den = firstIndex(of: Array(", den ".utf8), in: u, from: 0) else { return }
        metadata.ministry = trimmed(String(decoding: u[..<den], as: UTF8.self)[...])
        let rest = String(decoding: u[(den + 6)...], as: UTF8.self)
        guard let match = DanishDates.firstMatch(in: rest) else { return }
        metadata.signingDate = match.date
        let signers = rest[match.range.upperBound...]
        metadata.signers = signers.split(separator: "/").map { trimmed($0, alsoDropping: ".") }
    }

    /// `text` without leading and trailing spaces (and `extra` characters), as
    /// `trimmingCharacters(in: .whitespaces)` gives it.
    static func trimmed(_ text: Substring, alsoDropping extra: Character? = nil) -> String {
        func drop(_ c: Character) -> Bool { (c.isWhitespace && !c.isNewline) || c == extra }
        guard let first = text.firstIndex(where: { !drop($0) }), let last = text.lastIndex(where: { !drop($0) }) else { return "" }
        return String(text[first...last])
    }

    /// "Bekendtgørelse nr. 205 af 22. marts 2001 om tandpleje ophæves."
    ///
    /// Works on the sentence's UTF-8 bytes and looks only at a bounded window around each "nr. ", so
    /// that a sentence with many numbers stays linear (it was quadratic: a prefix copy per "nr. ").
    /// - Complexity: O(n) in the length of the sentence.
    static func repeals(in sentence: String) -> [InstrumentReference] {
        let u = Array(sentence.utf8)
        let pattern: [UInt8] = Array("nr. ".utf8)
        var result: [InstrumentReference] = []
        var search = 0
        while let nr = firstIndex(of: pattern, in: u, from: search) {
            // The word before "nr. " names the instrument type.
            var wordEnd = nr
            while wordEnd > 0 && u[wordEnd - 1] == 0x20 { wordEnd -= 1 }
            var wordStart = wordEnd
            while wordStart > 0 && u[wordStart - 1] != 0x20 && wordEnd - wordStart < 64 { wordStart -= 1 }
            let typeWord = String(decoding: u[wordStart..<wordEnd], as: UTF8.self).lowercased()
            let type: DocumentType
            switch typeWord {
            case "bekendtgørelse", "bekendtgørelsen": type = .bekendtgoerelse
            case "lovbekendtgørelse": type = .lovbekendtgoerelse
            case "lov", "loven": type = .lov
            case "cirkulære": type = .cirkulaere
            case "vejledning": type = .vejledning
            default: type = .unknown
            }
            let numberStart = nr + pattern.count
            var numberEnd = numberStart
            while numberEnd < u.count, u[numberEnd] >= 0x30, u[numberEnd] <= 0x39 { numberEnd += 1 }
            var end = numberEnd
            var date: LegalDate?
            // " af 22. december 2017": a date right after the number fits in a short window.
            let tail = String(decoding: u[numberEnd..<min(u.count, numberEnd + 64)], as: UTF8.self)
            if tail.hasPrefix(" af "), let match = DanishDates.firstMatch(in: tail),
                tail.distance(from: tail.startIndex, to: match.range.lowerBound) <= 4
            {
                date = match.date
                end = numberEnd + tail.utf8.distance(from: tail.startIndex, to: match.range.upperBound)
            }
            if numberEnd > numberStart {
                let start = wordEnd > wordStart ? wordStart : nr
                result.append(
                    InstrumentReference(
                        type: type, number: String(decoding: u[numberStart..<numberEnd], as: UTF8.self), date: date,
                        text: trimmed(String(decoding: u[start..<end], as: UTF8.self)[...])))
            }
            search = max(end, nr + 1)
        }
        return result
    }

    /// Whether `pattern` stands in `bytes` at `at`, within `[start, end)`.
    static func matches(_ pattern: [UInt8], in bytes: Span<UInt8>, at: Int, _ start: Int, _ end: Int) -> Bool {
        guard at >= start, at + pattern.count <= end else { return false }
        for k in 0..<pattern.count where bytes[at + k] != pattern[k] { return false }
        return true
    }

    /// The first index at or after `from` where `pattern` starts in `bytes`.
    static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        var i = from
        while i + pattern.count <= bytes.count {
            if bytes[i] == pattern[0] {
                var k = 1
                while k < pattern.count && bytes[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return i }
            }
            i += 1
        }
        return nil
    }
}
