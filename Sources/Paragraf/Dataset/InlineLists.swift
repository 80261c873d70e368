/// Puts the numbered items and litra that the dataset runs inline ("… skal omfatte: 1) Generel … 2) Undersøgelse
/// …") on lines of their own, as the official text prints them, so the text parser reads them as items.
///
/// Only the space before a marker is replaced by a line feed, so every byte keeps its offset and the ranges stay
/// exact. A list starts with "1)" (or "a)") right after a colon; each later marker must be the next number (or
/// letter) and follow the end of an item (".", ";", ",", ":" or "og"/"eller"). "Stk. N." ends the lists. So a
/// citation such as "jf. § 2, stk. 1, nr. 4" or "stk. 1, 2)" outside a list is left alone.
enum InlineLists {
    /// Replaces the spaces before inline item markers in `t` by line feeds; returns how many.
    @discardableResult
    static func breakLines(_ t: inout [UInt8]) -> Int {
        var nextNumber: Int?
        var nextLetter: UInt8?
        var count = 0
        var i = 0
        while i + 2 < t.count {
            defer { i += 1 }
            guard t[i] == 0x20 else { continue }
            // "Stk. 2." ends every open list.
            if startsStk(t, i + 1) {
                nextNumber = nil
                nextLetter = nil
                continue
            }
            guard let (number, letter, end) = marker(t, i + 1), end < t.count, t[end] == 0x20 || t[end] == 0x0A else {
                continue
            }
            let previous = previousChar(t, i)
            let afterItem = previous == 0x2E || previous == 0x3B || previous == 0x2C || previous == 0x3A || endsWithWord(t, i)
            var accept = false
            if let number {
                if number == 1 && previous == 0x3A {
                    accept = true
                } else if number == nextNumber && afterItem {
                    accept = true
                }
                if accept {
                    nextNumber = number + 1
                    nextLetter = nil
                }
            } else if let letter {
                if letter == 0x61 && previous == 0x3A {
                    accept = true
                } else if letter == nextLetter && afterItem {
                    accept = true
                }
                if accept { nextLetter = letter + 1 }
            }
            if accept {
                t[i] = 0x0A
                count += 1
            }
        }
        return count
    }

    /// A marker "12)" or "b)" at `i`: its number or letter and the offset after ")".
    private static func marker(_ t: [UInt8], _ i: Int) -> (Int?, UInt8?, Int)? {
        var k = i
        var value = 0
        while k < t.count, k - i < 3, t[k] >= 0x30 && t[k] <= 0x39 {
            value = value * 10 + Int(t[k] - 0x30)
            k += 1
        }
        if k > i {
            guard k < t.count, t[k] == 0x29, value > 0 else { return nil }
            return (value, nil, k + 1)
        }
        guard i + 1 < t.count, t[i] >= 0x61 && t[i] <= 0x7A, t[i + 1] == 0x29 else { return nil }
        return (nil, t[i], i + 2)
    }

    /// The last non-space byte before `i`.
    private static func previousChar(_ t: [UInt8], _ i: Int) -> UInt8? {
        var k = i - 1
        while k >= 0, t[k] == 0x20 || t[k] == 0x0A { k -= 1 }
        return k >= 0 ? t[k] : nil
    }

    /// Whether the text before `i` ends with the word "og" or "eller".
    private static func endsWithWord(_ t: [UInt8], _ i: Int) -> Bool {
        for word in ["og", "eller"] {
            let w = Array(word.utf8)
            let start = i - w.count
            guard start >= 0, Array(t[start..<i]) == w else { continue }
            if start == 0 || t[start - 1] == 0x20 { return true }
        }
        return false
    }

    /// Whether "Stk." starts at `i`.
    private static func startsStk(_ t: [UInt8], _ i: Int) -> Bool {
        i + 4 <= t.count && t[i] == 0x53 && t[i + 1] == 0x74 && t[i + 2] == 0x6B && t[i + 3] == 0x2E
    }
}
