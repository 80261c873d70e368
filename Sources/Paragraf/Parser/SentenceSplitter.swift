#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits the text of a subsection or item into sentences (*punktummer*).
///
/// A sentence ends at ".", "?" or "!" followed by whitespace and an upper-case letter, unless the
/// word before the period is an abbreviation that does not end sentences ("jf.", "f.eks.", "nr.",
/// "stk.", "pr.", "bl.a." …) or a single letter (an initial). A citation can end a sentence:
/// "jf. dog § 18, stk. 3. I tilfælde …" is two sentences, because "3." is not an abbreviation.
///
/// It reads the parser's byte buffer, as ``Bytes`` does (and for the memchr scans measured there).
public enum SentenceSplitter {
    /// Abbreviations after which an upper-case word does not start a new sentence.
    static let citationAbbreviationList = [
        "jf.", "jfr.", "jvf.", "cf.", "f.eks.", "fx.", "nr.", "stk.", "pr.", "ca.", "bl.a.", "evt.", "inkl.", "incl.",
        "ekskl.", "dvs.", "p.g.a.", "pga.", "o.l.", "vedr.", "ang.", "hhv.", "mht.", "m.h.t.", "iht.", "i.h.t.", "art.",
        "kap.", "afs.", "lit.", "sml.", "ref.", "bkg.", "bek.", "lbk.", "tlf.", "att.", "hr.", "fr.", "dr.", "st.",
        "mr.", "prof.", "cand.", "ph.d.", "adr.", "gl.", "vs.", "mio.", "mia.", "ml.", "obs.", "s.", "ss.",
    ]

    /// The abbreviations packed into integers (at most 8 bytes each), so that the check after every
    /// period neither allocates nor hashes an array.
    static let citationAbbreviations: Set<UInt64> = Set(
        citationAbbreviationList.map { word in word.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } })

    /// Whether the word ending with the period at `dot` is an abbreviation that does not end a
    /// sentence (or a single letter).
    public static func isCitationAbbreviation(_ b: Span<UInt8>, dotAt dot: Int) -> Bool {
        var start = dot
        while start > 0, dot - start < 12 {
            let c = b[start - 1]
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x28 || c == 0xA0 || c == 0x22 { break }
            start -= 1
        }
        let length = dot + 1 - start
        if length > 8 { return false }
        var packed: UInt64 = 0
        for i in start...dot {
            if b[i] == 0 { return false }  // a NUL byte would pack like a shorter word
            packed = packed << 8 | UInt64(b[i] >= 0x41 && b[i] <= 0x5A ? b[i] | 0x20 : b[i])
        }
        if citationAbbreviations.contains(packed) { return true }
        // A single letter ("A.") is an initial, not a sentence end.
        // A single capital is an initial ("Jens A. Hansen"), unless a number precedes it ("blanket DP 235 A.").
        if length == 2 && b[start] >= 0x41 && b[start] <= 0x5A {
            return !(start >= 2 && Bytes.isDigit(b[start - 2]))
        }
        return false
    }

    /// Whether a sentence may start at `i`: an upper-case letter, possibly after an opening quote
    /// or parenthesis.
    static func startsSentence(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        if Bytes.isUpper(b, i) { return true }
        var j = i
        let c = b[j]
        if c == 0x22 || c == 0x28 || c == 0x27 {
            j += 1
        } else if c == 0xC2 && j + 1 < end && (b[j + 1] == 0xBB || b[j + 1] == 0xAB) {
            j += 2
        } else if c == 0xE2 && j + 2 < end && b[j + 1] == 0x80 && (b[j + 2] == 0x9C || b[j + 2] == 0x9D || b[j + 2] == 0x9E) {
            j += 3
        } else {
            return false
        }
        return j < end && Bytes.isUpper(b, j)
    }

    /// The sentence ranges of `[start, end)`, each trimmed of surrounding whitespace.
    /// - Complexity: O(n); every byte is looked at a bounded number of times.
    public static func split(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        split(b, start, end, into: &result)
        return result
    }

    /// ``split(_:_:_:)`` appending to `result`, so that the parser reuses one array for every leaf.
    static func split(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into result: inout [Range<Int>]) {
        var s = Bytes.skipSpace(b, start, end)
        var i = s
        // The next "?" and "!" (rare: usually one memchr each finds none), and the next "." each time.
        var nextQuestion = -1
        var nextBang = -1
        while i < end {
            if nextQuestion < i { nextQuestion = Bytes.next(0x3F, in: b, from: i, to: end) }
            if nextBang < i { nextBang = Bytes.next(0x21, in: b, from: i, to: end) }
            i = min(Bytes.next(0x2E, in: b, from: i, to: end), nextQuestion, nextBang)
            if i >= end { break }
            let c = b[i]
            if c == 0x2E || c == 0x3F || c == 0x21 {
                var j = i + 1
                while j < end && (b[j] == 0x29 || b[j] == 0x22) { j += 1 }
                let k = Bytes.skipSpace(b, j, end)
                if k > j && k < end && startsSentence(b, k, end) && !(c == 0x2E && isCitationAbbreviation(b.span, dotAt: i)) {
                    result.append(s..<j)
                    s = k
                    i = k
                    continue
                }
                i = j
                continue
            }
            i += 1
        }
        let tail = Bytes.trimEnd(b, s, end)
        if tail > s { result.append(s..<tail) }
    }
}
