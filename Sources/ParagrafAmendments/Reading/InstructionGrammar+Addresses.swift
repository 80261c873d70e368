import Paragraf

/// Addresses in instructions: "§ 43, stk. 3-5", "§§ 7 og 8", "nr. 2 og 3", "2. pkt.", "kapitel 4 a",
/// "§ 3, stk. 1, nr. 2, og stk. 2", each step's numbers expanded from lists and ranges.
extension InstructionGrammar {
    /// At most this many addresses come from one list ("stk. 1-1000000" is cut, with a diagnostic).
    static let maxAddresses = 500

    /// An address list starting at token `i`, relative ones ("stk. 2") completed from `base`.
    mutating func addressList(at i: Int, relativeTo base: [TargetAddress]?) -> (addresses: [TargetAddress], end: Int)? {
        var done: [[TargetAddress.Step]] = []
        var current: [[TargetAddress.Step]] = [[]]
        var j = i
        var lastLevel: TargetAddress.Level?
        while let (level, numbers, next) = step(at: j) {
            if let last = lastLevel, level <= last {
                done += current
                current = [(current.last ?? []).filter { $0.level < level }]
            }
            var grown: [[TargetAddress.Step]] = []
            for path in current {
                for number in numbers {
                    guard grown.count + done.count < Self.maxAddresses else { break }
                    grown.append(path + [TargetAddress.Step(level, number)])
                }
            }
            current = grown
            lastLevel = level
            j = next
            if sign(j, ","), step(at: j + 1) != nil {
                j += 1
            } else if sign(j, ","), word(j + 1, "og") || word(j + 1, "samt"), step(at: j + 2) != nil {
                j += 2
            } else if word(j, "og") || word(j, "samt"), let (nextLevel, _, _) = step(at: j + 1), nextLevel != level {
                j += 1
            } else {
                break
            }
        }
        guard lastLevel != nil else { return nil }
        done += current
        var addresses = done.filter { !$0.isEmpty }.map { TargetAddress($0) }
        if let base = base?.first {
            addresses = addresses.map { Self.complete($0, from: base) }
        }
        // "som bliver stk. 5"
        if sign(j, ","), word(j + 1, "som"), word(j + 2, "bliver"), let (_, numbers, next) = step(at: j + 3), !addresses.isEmpty {
            addresses[addresses.count - 1].becomes = numbers.first
            j = next
        } else if word(j, "som"), word(j + 1, "bliver"), let (_, numbers, next) = step(at: j + 2), !addresses.isEmpty {
            addresses[addresses.count - 1].becomes = numbers.first
            j = next
        }
        return (addresses, j)
    }

    /// `address` with the steps of `base` above its first level put in front ("stk. 2" in § 66 → § 66, stk. 2).
    static func complete(_ address: TargetAddress, from base: TargetAddress) -> TargetAddress {
        guard let first = address.steps.first, first.level.depth > 1 else { return address }
        let prefix = base.steps.filter { $0.level.depth >= 1 && $0.level < first.level }
        guard !prefix.isEmpty else { return address }
        return TargetAddress(prefix + address.steps)
    }

    /// One step at token `j`: its level, its numbers (lists and ranges expanded), the token after it.
    func step(at j: Int) -> (TargetAddress.Level, [String], Int)? {
        guard j < tokens.count else { return nil }
        let t = tokens[j]
        switch t.kind {
        case .section:
            guard let (numbers, next) = numberList(at: j + 1, letters: true) else { return nil }
            return (.section, numbers, next)
        case .word:
            switch t.text {
            case "stk":
                let k = sign(j + 1, ".") ? j + 2 : j + 1
                guard let (numbers, next) = numberList(at: k, letters: false) else { return nil }
                return (.subsection, numbers, next)
            case "nr":
                let k = sign(j + 1, ".") ? j + 2 : j + 1
                guard let (numbers, next) = numberList(at: k, letters: true) else { return nil }
                return (.item, numbers, next)
            case "litra":
                guard let (letters, next) = letterList(at: j + 1) else { return nil }
                return (.litra, letters, next)
            case "kapitel":
                if let (numbers, next) = numberList(at: j + 1, letters: true) { return (.chapter, numbers, next) }
                if j + 1 < tokens.count, tokens[j + 1].kind == .word, Self.isRoman(tokens[j + 1].text) {
                    return (.chapter, [tokens[j + 1].text.uppercased()], j + 2)
                }
                return nil
            case "bilag":
                guard let (numbers, next) = numberList(at: j + 1, letters: true) else { return nil }
                return (.annex, numbers, next)
            default:
                return nil
            }
        case .number:
            return sentenceStep(at: j)
        default:
            return nil
        }
    }

    /// "2. pkt.", "2. og 3. pkt.", "2.-4. pkt.".
    private func sentenceStep(at j: Int) -> (TargetAddress.Level, [String], Int)? {
        var numbers: [String] = []
        var k = j
        var range = false
        while k < tokens.count, tokens[k].kind == .number, sign(k + 1, ".") {
            if range, let low = Int(numbers.last ?? ""), let high = Int(tokens[k].text), high > low, high - low < Self.maxAddresses {
                numbers += (low + 1...high).map(String.init)
            } else {
                numbers.append(tokens[k].text)
            }
            k += 2
            range = false
            if sign(k, "-") {
                range = true
                k += 1
            } else if sign(k, ","), k + 1 < tokens.count, tokens[k + 1].kind == .number {
                k += 1
            } else if word(k, "og") || word(k, "eller") {
                k += 1
            } else {
                break
            }
        }
        guard !numbers.isEmpty, word(k, "pkt") || word(k, "punktum") else { return nil }
        k += 1
        if sign(k, ".") { k += 1 }
        return (.sentence, numbers, k)
    }

    /// "3", "53 a", "3-6", "3 og 4", "3, 4 og 5", "52 b-52 d".
    func numberList(at j: Int, letters: Bool) -> ([String], Int)? {
        guard let (first, afterFirst) = number(at: j, letters: letters) else { return nil }
        var numbers = [first]
        var k = afterFirst
        while k < tokens.count {
            if sign(k, "-"), let (high, next) = number(at: k + 1, letters: letters) {
                numbers += Self.expand(numbers.removeLast(), high)
                k = next
            } else if sign(k, ","), let (n, next) = number(at: k + 1, letters: letters) {
                numbers.append(n)
                k = next
            } else if word(k, "og") || word(k, "eller"), let (n, next) = number(at: k + 1, letters: letters) {
                numbers.append(n)
                k = next
                break
            } else {
                break
            }
        }
        return (numbers, k)
    }

    /// A number with an optional letter ("53 a", "4 A", "3a" is two tokens too).
    private func number(at j: Int, letters: Bool) -> (String, Int)? {
        guard j < tokens.count, tokens[j].kind == .number else { return nil }
        // "2. pkt." is a sentence, not a number of the list before it.
        if sign(j + 1, "."), word(j + 2, "pkt") || word(j + 2, "og") && j + 3 < tokens.count && tokens[j + 3].kind == .number {
            return nil
        }
        var text = String(tokens[j].text.drop { $0 == "0" })
        if text.isEmpty { text = "0" }
        if letters, isLetterSuffix(j + 1) { return (text + " " + tokens[j + 1].text, j + 2) }
        return (text, j + 1)
    }

    /// Whether token `j` is a letter after a § or nr. number ("a" in "§ 53 a"), not a word ("i lov").
    private func isLetterSuffix(_ j: Int) -> Bool {
        guard j < tokens.count, tokens[j].kind == .word, tokens[j].text.count == 1,
            tokens[j].range.lowerBound <= tokens[j - 1].range.upperBound + 3
        else { return false }
        guard j + 1 < tokens.count, tokens[j + 1].kind == .word else { return true }
        return Self.followers.contains(tokens[j + 1].text) || tokens[j].text != "i"
    }

    /// Words that may follow an address (so the single letter before them is a § letter).
    static let followers: Set<String> = [
        "og", "samt", "eller", "ændres", "indsættes", "ophæves", "affattes", "udgår", "som", "bliver", "til",
    ]

    /// "a", "a og b", "a-c".
    private func letterList(at j: Int) -> ([String], Int)? {
        guard j < tokens.count, tokens[j].kind == .word, tokens[j].text.count == 1 else { return nil }
        var letters = [tokens[j].text]
        var k = j + 1
        while k + 1 < tokens.count, tokens[k + 1].kind == .word, tokens[k + 1].text.count == 1 {
            if sign(k, "-") {
                letters += Self.letterRange(letters.removeLast(), tokens[k + 1].text)
            } else if sign(k, ",") || word(k, "og") {
                letters.append(tokens[k + 1].text)
            } else {
                break
            }
            k += 2
        }
        return (letters, k)
    }

    /// "3"…"6" → 3, 4, 5, 6; "52 b"…"52 d" → 52 b, 52 c, 52 d; anything else → both ends.
    static func expand(_ low: String, _ high: String) -> [String] {
        if let a = Int(low), let b = Int(high), b > a {
            return (a...min(b, a + maxAddresses - 1)).map(String.init)
        }
        let lowParts = low.split(separator: " ")
        let highParts = high.split(separator: " ")
        if lowParts.count == 2, highParts.count == 2, lowParts[0] == highParts[0] {
            return letterRange(String(lowParts[1]), String(highParts[1])).map { "\(lowParts[0]) \($0)" }
        }
        if lowParts.count == 1, highParts.count == 2, lowParts[0] == highParts[0] {
            return [low] + letterRange("a", String(highParts[1])).map { "\(lowParts[0]) \($0)" }
        }
        return [low, high]
    }

    /// "b", "d" → b, c, d (Latin letters; æ, ø, å only as ends).
    static func letterRange(_ low: String, _ high: String) -> [String] {
        guard let a = low.unicodeScalars.first?.value, let b = high.unicodeScalars.first?.value, a < b, b <= 0x7A, a >= 0x61
        else { return low == high ? [low] : [low, high] }
        return (a...b).compactMap { Unicode.Scalar($0).map { String(Character($0)) } }
    }

    static func isRoman(_ s: String) -> Bool { !s.isEmpty && s.allSatisfy { "ivxlc".contains($0) } }
}
