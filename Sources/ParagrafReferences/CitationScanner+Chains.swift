extension CitationScanner {
    // MARK: Chains of provisions

    /// A chain of provisions starting at `i` ("§ 78, stk. 2, § 129, stk. 3 … og § 166, stk. 4"), with the act
    /// that opens (`act`) or closes it. `start` is where the citation text begins (an act name before it).
    mutating func parseChain(at i: Int, start: Int, act: ActIdentity?, nodeID: NodeID?) -> (Citation, Int)? {
        var targets: [CitationTarget] = []
        var ranges: [CitationRange] = []
        guard var (element, end) = parseElement(i, previous: nil) else { return nil }
        targets += element.targets
        ranges += element.ranges
        var hasSlashPair = false
        if element.targets.count == 2, slashBetween(i, end) { hasSlashPair = true }
        // Further elements joined by ",", "og", "samt", "eller".
        while let k = listSeparator(end), k < hi, let (next, nextEnd) = parseElement(k, previous: targets.last?.address) {
            element = next
            targets += next.targets
            ranges += next.ranges
            end = nextEnd
        }
        _ = element
        var act = act
        var spanEnd = end
        if act == nil, let (closing, closingEnd) = closingAct(end) {
            act = closing
            spanEnd = closingEnd
        } else if act == nil, let internalEnd = closingSelfReference(end) {
            spanEnd = internalEnd
        }
        if let act {
            for t in targets.indices { targets[t].act = act }
        } else if prose, hasSlashPair, contextActs.count == 2, targets.count == 2,
            targets[0].address.section?.prefix(while: \.isNumber) != targets[1].address.section?.prefix(while: \.isNumber)
        {
            // "§§ 82/36" after "aktivloven/integrationsloven": one § in each act, in the order named.
            targets[0].act = contextActs[0]
            targets[1].act = contextActs[1]
        }
        let kind: CitationKind
        if act == nil, targets.allSatisfy(\.isRelative) {
            kind = .internalRelative
        } else if act != nil || prose {
            kind = .externalAct
        } else if targets.allSatisfy(\.isRelative) {
            kind = .internalRelative
        } else {
            kind = .internalAbsolute
        }
        if prose, let act {
            // "§ 82 i aktivloven/§ 36 i integrationsloven" names a pair of acts, like "aktivloven/integrationsloven".
            if let last = lastChainAct, last != act, lastActEnd >= lo, isPairGap(lastActEnd, start) {
                contextActs = [last, act]
            }
            lastChainAct = act
            lastActEnd = spanEnd
        }
        let citation = Citation(
            text: Bytes.normalized(b, start, spanEnd), span: source.range(start, spanEnd),
            lead: leadWord(before: start, after: spanEnd),
            kind: kind, targets: targets, ranges: ranges, act: act, nodeID: nodeID)
        return (citation, spanEnd)
    }

    /// Whether `[from, to)` holds only a pair separator: "/", "eller", "og", "," and whitespace.
    func isPairGap(_ from: Int, _ to: Int) -> Bool {
        guard from <= to, to - from <= 12 else { return false }
        var k = skipSpace(from)
        if k < to, b[k] == 0x2F || b[k] == 0x2C { k = skipSpace(k + 1) }
        if word(k, "eller") { k = skipSpace(k + 5) } else if word(k, "og") { k = skipSpace(k + 2) }
        return k == to
    }

    func slashBetween(_ i: Int, _ end: Int) -> Bool {
        var k = i
        while k < end {
            if b[k] == 0x2F { return true }
            k += 1
        }
        return false
    }

    /// One element of a chain: "§ 17, stk. 3", "§§ 26-29", "stk. 1, 2)", "nr. 4, 5 og 7", "2. pkt.",
    /// "kapitel 1-5", "bilag 1". A relative element takes the levels above it from `previous` (the last
    /// address of the chain): in "§ 14, stk. 5 og stk. 7" the second element is § 14, stk. 7.
    func parseElement(_ i: Int, previous: Address?) -> (CitationElement, Int)? {
        var element = CitationElement()
        var base: [Address]
        var j: Int
        if isSection(i) {
            var k = i + 2
            let plural = isSection(k)
            if plural { k += 2 }
            k = skipSpace(k)
            // "§§" takes a list; a single "§" one number (a range "§ 26-29" is read too).
            let parsed: ([(value: String, inRange: Bool)], [(String, String)], Int)?
            if plural {
                parsed = list(k, allowSlash: true, item: sectionNumber)
            } else if let (number, numberEnd) = sectionNumber(k) {
                if let d = rangeDash(numberEnd), let (upper, upperEnd) = sectionNumber(d) {
                    parsed = (expand(number, upper), [(number, upper)], upperEnd)
                } else {
                    parsed = ([(number, false)], [], numberEnd)
                }
            } else {
                parsed = nil
            }
            guard let (numbers, ranges, end) = parsed else { return nil }
            base = []
            base.reserveCapacity(numbers.count)
            element.targets.reserveCapacity(numbers.count)
            for number in numbers {
                let address = Address(section: number.value)
                base.append(address)
                element.targets.append(CitationTarget(address: address, isRangeMember: number.inRange))
            }
            element.ranges = ranges.map { CitationRange(lower: Address(section: $0.0), upper: Address(section: $0.1)) }
            element.level = .section
            j = end
            if plural { return (element, j) }
        } else if atIgnoringCase(i, "kapitel") {
            let k = skipSpace(i + (atIgnoringCase(i, "kapitlerne") ? 10 : 7))
            guard let (numbers, ranges, end) = list(k, allowSlash: false, item: integer) else { return nil }
            element.targets = numbers.map { CitationTarget(address: Address(chapter: $0.value), isRangeMember: $0.inRange) }
            element.ranges = ranges.map { CitationRange(lower: Address(chapter: $0.0), upper: Address(chapter: $0.1)) }
            return (element, end)
        } else if atIgnoringCase(i, "bilag") {
            let k = skipSpace(i + 5)
            guard let (numbers, ranges, end) = list(k, allowSlash: false, item: integer) else { return nil }
            element.targets = numbers.map { CitationTarget(address: Address(annex: $0.value), isRangeMember: $0.inRange) }
            element.ranges = ranges.map { CitationRange(lower: Address(annex: $0.0), upper: Address(annex: $0.1)) }
            return (element, end)
        } else if at(i, "stk.") || at(i, "nr.") || Bytes.isDigit(b[i]) {
            // A relative element: inherit the levels above the first one written.
            base = [Address()]
            element.level = .section
            j = i
            if let previous {
                let first: CitationLevel = at(i, "stk.") ? .subsection : at(i, "nr.") ? .item : .sentence
                var inherited = Address()
                inherited.section = previous.section
                if first > .subsection { inherited.subsection = previous.subsection }
                if first > .item {
                    inherited.item = previous.item
                    inherited.litra = previous.litra
                }
                base = [inherited]
            }
            element.targets = []
            // Parse the qualifiers directly at i (no separator before the first one).
            guard let (targets, ranges, end, level) = qualifiers(j, base: base, level: .section, first: true),
                !targets.isEmpty
            else { return nil }
            element.targets = targets
            element.ranges = ranges
            element.level = level
            return (element, end)
        } else {
            return nil
        }
        // "§ 17" followed by ", stk. 3, nr. 2, 2. pkt."
        if let (targets, ranges, end, level) = qualifiers(j, base: base, level: .section, first: false), !targets.isEmpty {
            element.targets = targets
            element.ranges += ranges
            element.level = level
            j = end
        }
        return (element, j)
    }

    /// Qualifiers below `level` after `i`: "stk. N", "nr. N", "N)" (an item after a stk.), "litra a", "N. pkt.".
    /// Each may be a list or range; deeper qualifiers apply to the last member. With `first`, the first
    /// qualifier starts right at `i`.
    func qualifiers(_ i: Int, base: [Address], level: CitationLevel, first: Bool)
        -> ([CitationTarget], [CitationRange], Int, CitationLevel)?
    {
        var addresses = base.map { CitationTarget(address: $0) }
        var ranges: [CitationRange] = []
        var current = level
        var j = i
        var progressed = false
        var isFirst = first
        while true {
            var k = j
            if !isFirst {
                k = skipSpace(j)
                if k < hi, b[k] == 0x2C { k = skipSpace(k + 1) }
                if k == j { break }
            }
            isFirst = false
            var next: (values: [(value: String, inRange: Bool)], ranges: [(String, String)], end: Int, level: CitationLevel)?
            if current < .subsection, at(k, "stk.") {
                if let (v, r, e) = list(skipSpace(k + 4), allowSlash: false, item: integer) { next = (v, r, e, .subsection) }
            } else if current < .item, at(k, "nr.") {
                if let (v, r, e) = list(skipSpace(k + 3), allowSlash: false, item: integer) { next = (v, r, e, .item) }
            } else if current == .subsection, let (n, e) = digits(k), e < hi, b[e] == 0x29 {
                next = ([(n, false)], [], e + 1, .item)
            } else if current < .litra, current >= .item, word(k, "litra") {
                let m = skipSpace(k + 5)
                if m < hi, b[m] >= 0x61, b[m] <= 0x7A, !isWordChar(m + 1) {
                    next = ([(String(UnicodeScalar(b[m])), false)], [], m + 1, .litra)
                }
            } else if current < .sentence, let (n, e) = digits(k), e < hi, b[e] == 0x2E {
                let m = skipSpace(e + 1)
                if at(m, "pkt.") { next = ([(n, false)], [], m + 4, .sentence) }
            }
            guard let found = next else { break }
            // Apply: the last address is replaced by one per member.
            let last = addresses.removeLast()
            for member in found.values {
                var t = last
                t.isRangeMember = t.isRangeMember || member.inRange
                switch found.level {
                case .subsection: t.address.subsection = Int(member.value)
                case .item: t.address.item = member.value
                case .litra: t.address.litra = member.value
                case .sentence: t.address.sentence = Int(member.value)
                case .section: t.address.section = member.value
                }
                addresses.append(t)
            }
            for (lower, upper) in found.ranges {
                var l = last.address
                var u = last.address
                switch found.level {
                case .subsection:
                    l.subsection = Int(lower)
                    u.subsection = Int(upper)
                case .item:
                    l.item = lower
                    u.item = upper
                default: break
                }
                ranges.append(CitationRange(lower: l, upper: u))
            }
            current = found.level
            j = found.end
            progressed = true
        }
        guard progressed else { return nil }
        return (addresses, ranges, j, current)
    }

    func integer(_ i: Int) -> (String, Int)? { digits(i) }

    /// A list of numbers with ranges: "12, 18 og 22", "26-29", "10, 15,  og 26-29", "82/36", "2 - 3".
    /// Returns the members (ranges expanded), the ranges as written and the end.
    func list(_ i: Int, allowSlash: Bool, item: (Int) -> (String, Int)?)
        -> ([(value: String, inRange: Bool)], [(String, String)], Int)?
    {
        guard let (firstValue, firstEnd) = item(i) else { return nil }
        var values: [(value: String, inRange: Bool)] = []
        var ranges: [(String, String)] = []
        var end = firstEnd
        var value = firstValue
        while true {
            if let k = rangeDash(end), let (upper, upperEnd) = item(k) {
                ranges.append((value, upper))
                values += expand(value, upper)
                end = upperEnd
            } else {
                values.append((value, false))
            }
            guard let k = listSeparator(end, allowSlash: allowSlash), k < hi else { break }
            // A bare integer continues the list only when it is not "1. pkt.", "2)" or "3 år".
            guard let (nextValue, nextEnd) = item(k) else { break }
            if isListInteger(k, sections: allowSlash) == nil, !(k < hi && isSectionLetterForm(k, nextEnd)) { break }
            value = nextValue
            end = nextEnd
        }
        return (values, ranges, end)
    }

    /// Whether `[k, end)` is a § number with a letter ("82a"), which `isListInteger` rejects as a word.
    func isSectionLetterForm(_ k: Int, _ end: Int) -> Bool {
        var j = k
        while j < end, Bytes.isDigit(b[j]) { j += 1 }
        return j < end
    }

    /// The members of a range "26-29" ("4 a-6" keeps its ends and the whole numbers between).
    func expand(_ lower: String, _ upper: String) -> [(value: String, inRange: Bool)] {
        let lowerDigits = Int(lower.prefix { $0.isNumber }) ?? 0
        let upperDigits = Int(upper.prefix { $0.isNumber }) ?? 0
        guard lowerDigits > 0, upperDigits > lowerDigits else { return [(lower, true), (upper, true)] }
        var result: [(value: String, inRange: Bool)] = [(lower, true)]
        let limit = min(upperDigits, lowerDigits + extractor.maximumRangeExpansion)
        if lowerDigits + 1 < limit {
            for n in (lowerDigits + 1)..<limit { result.append((String(n), true)) }
        }
        result.append((upper, true))
        return result
    }

    /// ", i sundhedsloven", " i lov om social service": the act closing a chain, with the end of its name.
    mutating func closingAct(_ i: Int) -> (ActIdentity, Int)? {
        var k = skipSpace(i)
        if k < hi, b[k] == 0x2C { k = skipSpace(k + 1) }
        guard word(k, "i") else { return nil }
        let m = skipSpace(k + 1)
        guard m > k + 1 else { return nil }
        if let found = extractor.acts.match(b, m, hi) { return (found.act, found.end) }
        if let (act, end) = genericAct(m) { return (act, end) }
        if let (act, end) = actWord(m) { return (act, end) }
        return nil
    }

    /// " til bekendtgørelsen", " i denne bekendtgørelse": a closing phrase naming the citing document itself.
    func closingSelfReference(_ i: Int) -> Int? {
        let k = skipSpace(i)
        guard k > i else { return nil }
        for w: StaticString in ["til bekendtg\u{00F8}relsen", "i bekendtg\u{00F8}relsen", "i denne bekendtg\u{00F8}relse"]
        where atIgnoringCase(k, w) && !isWordChar(k + w.utf8CodeUnitCount) {
            return k + w.utf8CodeUnitCount
        }
        return nil
    }

    /// "lov om almene boliger m.v.": an act not in the table, read as "lov om" and up to eight words,
    /// stopping at punctuation or a word that starts a clause.
    func genericAct(_ i: Int) -> (ActIdentity, Int)? {
        guard word(i, "lov") else { return nil }
        var k = skipSpace(i + 3)
        guard word(k, "om") else { return nil }
        k = skipSpace(k + 2)
        var end = k
        var words = 0
        while k < hi, words < 8 {
            guard Bytes.isLetter(b, k) else { break }
            var e = k
            while e < hi, isWordChar(e) { e += 1 }
            var stop = false
            for w: StaticString in [
                "og", "jf", "samt", "eller", "som", "der", "skal", "kan", "er", "har", "til", "med", "ved", "for", "at", "efter",
            ]
            where atIgnoringCase(k, w) && e - k == w.utf8CodeUnitCount {
                stop = true
            }
            if stop { break }
            end = e
            words += 1
            if e < hi, b[e] != 0x20 && b[e] != 0x0A && !(b[e] == 0xC2) { break }
            k = skipSpace(e)
        }
        guard words > 0 else { return nil }
        // "m.v." belongs to the name.
        let m = skipSpace(end)
        if at(m, "m.v.") { end = m + 4 }
        let name = Bytes.normalized(b, i, end)
        let key = name.lowercased()
        return (ActIdentity(key: key, name: key, isKnown: false), end)
    }

}
