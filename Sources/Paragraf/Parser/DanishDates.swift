/// Reads Danish dates: "11. december 2003", "1. januar 2004", "14/6 2022", "26/08/2019", "2019-08-26".
public enum DanishDates {
    /// The first date written in `text`, with the range of the characters it was read from.
    public static func firstDate(in text: String) -> LegalDate? { firstMatch(in: text)?.date }

    /// The first date in `text` and where it stands.
    public static func firstMatch(in text: String) -> (date: LegalDate, range: Range<String.Index>)? {
        allMatches(in: text, limit: 1).first
    }

    /// Every date in `text`, in order.
    public static func allMatches(in text: String, limit: Int = .max) -> [(date: LegalDate, range: Range<String.Index>)] {
        var result: [(LegalDate, Range<String.Index>)] = []
        let scalars = Array(text.unicodeScalars)
        // The string index of scalar `k`, walked to from the last one asked for (matches come in order;
        // a table of every index cost more than the search on long texts).
        var cursor = (k: 0, index: text.unicodeScalars.startIndex)
        func index(_ k: Int) -> String.Index {
            if k < cursor.k { cursor = (0, text.unicodeScalars.startIndex) }
            while cursor.k < k {
                cursor.index = text.unicodeScalars.index(after: cursor.index)
                cursor.k += 1
            }
            return cursor.index
        }
        func isDigit(_ k: Int) -> Bool { k < scalars.count && scalars[k].value >= 48 && scalars[k].value <= 57 }
        func isSpace(_ k: Int) -> Bool {
            k < scalars.count
                && (scalars[k] == " " || scalars[k] == "\u{A0}" || scalars[k] == "\n" || scalars[k] == "\t" || scalars[k] == "\r")
        }
        func number(_ k: Int, maxDigits: Int) -> (Int, Int)? {
            var j = k
            var v = 0
            while isDigit(j), j - k < maxDigits {
                v = v * 10 + Int(scalars[j].value - 48)
                j += 1
            }
            return j > k && !isDigit(j) ? (v, j) : nil
        }
        var k = 0
        while k < scalars.count, result.count < limit {
            guard isDigit(k), k == 0 || !isDigit(k - 1) else {
                k += 1
                continue
            }
            // "11. december 2003"
            if let (day, afterDay) = number(k, maxDigits: 2), afterDay < scalars.count, scalars[afterDay] == "." {
                var j = afterDay + 1
                while isSpace(j) { j += 1 }
                var word = ""
                var w = j
                while w < scalars.count, scalars[w].properties.isAlphabetic, w - j < 10 {
                    word.unicodeScalars.append(scalars[w])
                    w += 1
                }
                if let month = LegalDate.monthNames.firstIndex(of: word.lowercased()) {
                    var y = w
                    while isSpace(y) { y += 1 }
                    if let (year, afterYear) = number(y, maxDigits: 4), afterYear - y == 4,
                        let date = LegalDate(year: year, month: month + 1, day: day)
                    {
                        result.append((date, index(k)..<index(afterYear)))
                        k = afterYear
                        continue
                    }
                }
            }
            // "14/6 2022", "26/08/2019"
            if let (day, afterDay) = number(k, maxDigits: 2), afterDay < scalars.count, scalars[afterDay] == "/",
                let (month, afterMonth) = number(afterDay + 1, maxDigits: 2), afterMonth < scalars.count,
                scalars[afterMonth] == "/" || scalars[afterMonth] == " "
            {
                if let (year, afterYear) = number(afterMonth + 1, maxDigits: 4), afterYear - afterMonth - 1 == 4,
                    let date = LegalDate(year: year, month: month, day: day)
                {
                    result.append((date, index(k)..<index(afterYear)))
                    k = afterYear
                    continue
                }
            }
            // "2019-08-26"
            if let (year, afterYear) = number(k, maxDigits: 4), afterYear - k == 4, afterYear < scalars.count,
                scalars[afterYear] == "-", let (month, afterMonth) = number(afterYear + 1, maxDigits: 2),
                afterMonth < scalars.count, scalars[afterMonth] == "-",
                let (day, afterDay) = number(afterMonth + 1, maxDigits: 2),
                let date = LegalDate(year: year, month: month, day: day)
            {
                result.append((date, index(k)..<index(afterDay)))
                k = afterDay
                continue
            }
            k += 1
        }
        return result
    }
}
