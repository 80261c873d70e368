import Paragraf

/// Finds amounts in a token sequence: a number with a unit ("380 kr.", "65 %", "12 måneder", "kr. 510").
enum AmountReader {
    struct Amount {
        var value: Double
        var unit: String
        var text: String
        var numberToken: Int
        var offsets: Range<Int>
    }

    static let units: [String: String] = [
        "kr": "kr.", "%": "%", "år": "år", "måneder": "måneder", "måned": "måneder", "dage": "dage", "dag": "dage",
        "uger": "uger", "uge": "uger", "timer": "timer", "procent": "%",
    ]

    /// "1.420" → 1420, "4,5" → 4.5: thousands points dropped, the decimal comma read as a point.
    static func value(_ text: String) -> Double? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for c in text.utf8 where c != 0x2E { bytes.append(c == 0x2C ? 0x2E : c) }
        return Double(String(decoding: bytes, as: UTF8.self))
    }

    static func amounts<T: TokenList>(in tokens: T) -> [Amount] {
        var result: [Amount] = []
        var next = tokens.nextNumber(from: 0)
        while let i = next {
            next = tokens.nextNumber(from: i + 1)
            // Most numbers are not amounts ("§ 17", "stk. 3"): the unit is looked for before the number
            // is read.
            let unitAfter = i + 1 < tokens.count ? tokens.amountUnit(i + 1) : nil
            guard unitAfter != nil || (i >= 2 && tokens.key(i - 2) == "kr" && tokens.isPeriod(i - 1)) else {
                continue
            }
            let tText = tokens.text(i)
            let tOffsets = tokens.offsets(i)
            guard let v = value(tText) else { continue }
            if let unit = unitAfter {
                // "kr." includes its period.
                let next = tokens.offsets(i + 1)
                var end = next.upperBound
                var text = "\(tText) \(tokens.text(i + 1))"
                if unit == "kr.", i + 2 < tokens.count, tokens.isPeriod(i + 2),
                    tokens.offsets(i + 2).lowerBound == end
                {
                    end = tokens.offsets(i + 2).upperBound
                    text += "."
                }
                if unit == "%" && next.lowerBound == tOffsets.upperBound { text = tText + "%" }
                result.append(Amount(value: v, unit: unit, text: text, numberToken: i, offsets: tOffsets.lowerBound..<end))
            } else {
                result.append(
                    Amount(
                        value: v, unit: "kr.", text: "kr. \(tText)", numberToken: i,
                        offsets: tokens.offsets(i - 2).lowerBound..<tOffsets.upperBound))
            }
        }
        return result
    }
}
