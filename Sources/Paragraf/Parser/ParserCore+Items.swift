import Foundation

/// Items ("1)", "a)" in a stk.) and litra ("a)" under an item).
extension ParserCore {
    /// Reads an item label ("1)", "a)") at a line start and opens the item or litra when it is next in order.
    mutating func tryItem(at p: Int, lineEnd: Int) -> Int? {
        guard section != nil, stk != nil else { return nil }
        var i = p
        var value = 0
        var letter: UInt8 = 0
        if Bytes.isDigit(b[i]) {
            while i < lineEnd, Bytes.isDigit(b[i]), i - p < 3 {
                value = value * 10 + Int(b[i] - 0x30)
                i += 1
            }
        } else if b[i] >= 0x61 && b[i] <= 0x7A {
            letter = b[i]
            i += 1
        }
        guard i > p, i < lineEnd, b[i] == 0x29 else { return nil }
        let labelEnd = i + 1
        guard labelEnd == lineEnd || Bytes.isSpace(b, labelEnd) else { return nil }
        if letter != 0 {
            // litra under the current item, or a lettered list in the stk.
            if let itemLastChild = item?.lastChild {
                let expectedLetter = UInt8(0x61 + (litra == nil ? 0 : itemLastChild))
                guard letter == expectedLetter || (litra == nil && letter == 0x61) else { return nil }
                if letter == 0x61 && litra == nil && !endsListIntro(before: p) { return nil }
                flushText(upTo: p)
                closeLitra()
                guard let parentID = item?.id else { return nil }
                item?.lastChild = Int(letter - 0x60)
                let id = uniqueID(.litra(String(UnicodeScalar(letter))), under: parentID, at: p)
                litra = Container(
                    kind: .item, id: id, label: Bytes.normalized(b, p, labelEnd), number: String(UnicodeScalar(letter)),
                    childStart: nodes.count, start: p, end: labelEnd, labelRange: range(p, labelEnd))
                owner = .litra
                textStart = labelEnd
                consumedUntil = labelEnd
                return labelEnd
            }
            value = Int(letter - 0x60)
            let expectedValue = (stk?.lastChild ?? 0) + 1
            guard value == expectedValue, value > 1 || endsListIntro(before: p) else { return nil }
            return openItem(at: p, labelEnd: labelEnd, value: value, number: String(UnicodeScalar(letter)))
        }
        let last = stk?.lastChild ?? 0
        if value == 1 {
            guard endsListIntro(before: p) else { return nil }
            if last > 0 {
                diagnostics.raise(.secondList(in: stk?.id), at: source.range(p, labelEnd))
            }
        } else {
            guard value == last + 1, last > 0 else { return nil }
        }
        return openItem(at: p, labelEnd: labelEnd, value: value, number: Self.numberString(value))
    }

    /// Opens item `number` of the open stk.
    mutating func openItem(at p: Int, labelEnd: Int, value: Int, number: String) -> Int {
        flushText(upTo: p)
        closeItem()
        guard let parentID = stk?.id else { return labelEnd }
        stk?.lastChild = value
        item = Container(
            kind: .item, id: uniqueID(.item(number), under: parentID, at: p), label: Bytes.normalized(b, p, labelEnd),
            number: number, childStart: nodes.count, start: p, end: labelEnd, labelRange: range(p, labelEnd))
        owner = .item
        textStart = labelEnd
        consumedUntil = labelEnd
        return labelEnd
    }

    /// Whether a first item may start here. Items are only looked for at the start of a line, so any
    /// introduction will do ("omfatte:", "oplyse,", "anvendes i stedet") except a citation that wrapped
    /// ("jf. stk. 1, ⏎ 1)"): a number or "stk."/"nr." just before.
    func endsListIntro(before p: Int) -> Bool {
        let q = previousContent(before: p)
        if q < 0 { return false }
        if q < textStart { return true }
        var r = q
        if b[r] == 0x2C { r = previousContent(before: r) }
        guard r >= 0 else { return false }
        if Bytes.isDigit(b[r]) { return false }
        if b[r] == 0x2E && SentenceSplitter.isCitationAbbreviation(b.span, dotAt: r) { return false }
        return true
    }
}
