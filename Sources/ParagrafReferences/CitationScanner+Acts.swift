extension CitationScanner {
    // MARK: Acts, instruments, EU regulations

    /// An act name at `i`: opening a chain ("servicelovens §§ 104 og 110", "LAS §82", "sundhedslovens 64 b")
    /// or standing alone ("efter serviceloven").
    mutating func parseAct(_ i: Int, nodeID: NodeID?) -> (Citation, Int)? {
        var act: ActIdentity
        var end: Int
        var genitive = false
        if let found = extractor.acts.match(b, i, hi) {
            act = found.act
            end = found.end
            genitive = found.genitive
        } else if b[i] | 0x20 == 0x6C, let (generic, genericEnd) = genericAct(i) {
            act = generic
            end = genericEnd
        } else {
            return nil
        }
        var k = skipSpace(end)
        if prose, !genitive, k < hi, b[k] == 0x2C { k = skipSpace(k + 1) }
        if isSection(k) || (genitive && k < hi && Bytes.isDigit(b[k]) && sectionNumber(k) != nil) {
            if isSection(k), let found = parseChain(at: k, start: i, act: act, nodeID: nodeID) { return found }
            if genitive, let (number, numberEnd) = sectionNumber(k) {
                // "sundhedslovens 64 b": the § sign was lost.
                let target = CitationTarget(address: Address(section: number), act: act)
                let citation = Citation(
                    text: Bytes.normalized(b, i, numberEnd), span: source.range(i, numberEnd),
                    lead: leadWord(before: i), kind: .externalAct, targets: [target], act: act, nodeID: nodeID)
                return (citation, numberEnd)
            }
        }
        if prose {
            // "aktivloven/integrationsloven": remember both for "§§ 82/36".
            if i > lo, b[i - 1] == 0x2F, lastActEnd == i - 1, contextActs.count == 1 {
                contextActs.append(act)
            } else {
                contextActs = [act]
            }
            lastActEnd = end
        }
        let citation = Citation(
            text: Bytes.normalized(b, i, end), span: source.range(i, end), lead: leadWord(before: i), kind: .externalAct,
            act: act, nodeID: nodeID)
        return (citation, end)
    }

    /// "lovbekendtgørelse nr. 903 af 26. august 2019", "lov nr. 1053 af 30. juni 2020",
    /// "Bekendtgørelse nr. 1658 af 22. december 2017".
    func parseInstrument(_ i: Int, nodeID: NodeID?) -> (Citation, Int)? {
        let types: [(StaticString, DocumentType)] = [
            ("lovbekendtg\u{00F8}relse", .lovbekendtgoerelse), ("bekendtg\u{00F8}relse", .bekendtgoerelse),
            ("lov", .lov), ("cirkul\u{00E6}re", .cirkulaere), ("vejledning", .vejledning),
        ]
        for (name, type) in types where atIgnoringCase(i, name) {
            var k = skipSpace(i + name.utf8CodeUnitCount)
            guard k > i + name.utf8CodeUnitCount, at(k, "nr.") else { continue }
            k = skipSpace(k + 3)
            guard let (number, numberEnd) = digits(k) else { continue }
            var end = numberEnd
            var date: LegalDate?
            let m = skipSpace(numberEnd)
            if word(m, "af"), let (d, dateEnd) = parseDate(skipSpace(m + 2)) {
                date = d
                end = dateEnd
            }
            let text = Bytes.normalized(b, i, end)
            let citation = Citation(
                text: text, span: source.range(i, end), lead: leadWord(before: i), kind: .otherInstrument,
                instrument: InstrumentReference(type: type, number: number, date: date, text: text), nodeID: nodeID)
            return (citation, end)
        }
        return nil
    }

    /// "forordning (EF) nr. 883/2004", "forordning nr. 883/2004", "direktiv 2011/24/EU".
    func parseEURegulation(_ i: Int, nodeID: NodeID?) -> (Citation, Int)? {
        var start = i
        var typeEnd: Int
        let type: String
        if word(i, "forordning") {
            type = "forordning"
            typeEnd = i + 10
        } else if word(i, "forordningen") {
            type = "forordning"
            typeEnd = i + 12
        } else if word(i, "direktiv") {
            type = "direktiv"
            typeEnd = i + 8
        } else {
            return nil
        }
        _ = start
        var k = skipSpace(typeEnd)
        var series: String?
        if k < hi, b[k] == 0x28 {
            var e = k + 1
            while e < hi, b[e] != 0x29, e - k < 8 { e += 1 }
            guard e < hi, b[e] == 0x29 else { return nil }
            series = String(decoding: b[(k + 1)..<e], as: UTF8.self)
            k = skipSpace(e + 1)
        }
        if at(k, "nr.") { k = skipSpace(k + 3) }
        // Digits and slashes, and letters only as a part after a slash ("2011/24/EU").
        var e = k
        var inLetters = false
        while e < hi {
            let c = b[e]
            if Bytes.isDigit(c) || c == 0x2F {
                inLetters = false
            } else if Bytes.isASCIILetter(c) && e > k && (b[e - 1] == 0x2F || inLetters) {
                inLetters = true
            } else {
                break
            }
            e += 1
        }
        while e > k, b[e - 1] == 0x2F { e -= 1 }
        let number = String(decoding: b[k..<e], as: UTF8.self)
        guard number.contains("/"), number.first?.isNumber ?? false else { return nil }
        start = i
        let regulation = EURegulation(type: type, series: series, number: number)
        let citation = Citation(
            text: Bytes.normalized(b, start, e), span: source.range(start, e), lead: leadWord(before: start),
            kind: .euRegulation, euRegulation: regulation, nodeID: nodeID)
        return (citation, e)
    }

    /// "26. august 2019", "28.  \n maj 2003" (wrapped), "26/08/2019".
    func parseDate(_ i: Int) -> (LegalDate, Int)? {
        guard let (dayText, dayEnd) = digits(i), let day = Int(dayText) else { return nil }
        if dayEnd < hi, b[dayEnd] == 0x2E {
            let m = skipSpace(dayEnd + 1)
            for (index, name) in LegalDate.monthNames.enumerated() {
                let bytes = Array(name.utf8)
                guard m + bytes.count <= hi else { continue }
                var same = true
                for (o, c) in bytes.enumerated() where b[m + o] | 0x20 != c {
                    same = false
                    break
                }
                guard same, !isWordChar(m + bytes.count) else { continue }
                let y = skipSpace(m + bytes.count)
                guard let (yearText, yearEnd) = digits(y), yearText.count == 4, let year = Int(yearText),
                    let date = LegalDate(year: year, month: index + 1, day: day)
                else { return nil }
                return (date, yearEnd)
            }
            return nil
        }
        if dayEnd < hi, b[dayEnd] == 0x2F, let (monthText, monthEnd) = digits(dayEnd + 1), monthEnd < hi,
            b[monthEnd] == 0x2F || b[monthEnd] == 0x20, let (yearText, yearEnd) = digits(monthEnd + 1),
            yearText.count == 4, let date = LegalDate(year: Int(yearText)!, month: Int(monthText)!, day: day)
        {
            return (date, yearEnd)
        }
        return nil
    }

    // MARK: Lead words

    /// The lead word of a citation spanning `[start, end)`: "den i stk. 5 nævnte" is "nævnt i" written around
    /// the citation; otherwise the lead word before it.
    func leadWord(before start: Int, after end: Int) -> LeadWord {
        let lead = leadWord(before: start)
        guard lead == .none else { return lead }
        let k = skipSpace(end)
        let before = Bytes.trimEnd(b, lo, start)
        // "i" (0x69) before the citation, "nævnte" after it.
        guard k > end, before >= lo + 1, b[before - 1] == 0x69, before - 1 == lo || !isWordChar(before - 2),
            atIgnoringCase(k, "n\u{00E6}vnte"), !isWordChar(k + "nævnte".utf8.count)
        else { return lead }
        return .naevntI
    }

    /// The lead word ending just before `start` (whitespace between), looked for within the leaf.
    func leadWord(before start: Int) -> LeadWord {
        let e = Bytes.trimEnd(b, lo, start)
        guard e < start || e == start else { return .none }
        func ends(_ phrase: StaticString, at end: Int) -> Int? {
            // Phrase words are separated by single spaces; the text may have any whitespace run.
            let p = phrase.utf8Start
            var k = phrase.utf8CodeUnitCount
            var j = end
            while k > 0 {
                let c = p[k - 1]
                if c == 0x20 {
                    let t = Bytes.trimEnd(b, lo, j)
                    guard t < j else { return nil }
                    j = t
                    k -= 1
                    continue
                }
                guard j > lo else { return nil }
                let s = b[j - 1]
                guard s == c || (Bytes.isASCIILetter(s) && s | 0x20 == c) else { return nil }
                j -= 1
                k -= 1
            }
            return j == lo || !isWordChar(j - 1) ? j : nil
        }
        if ends("jf. dog", at: e) != nil || ends("jf. dog også", at: e) != nil { return .jfDog }
        if ends("jf.", at: e) != nil || ends("jfr.", at: e) != nil || ends("jf. også", at: e) != nil { return .jf }
        if ends("i henhold til", at: e) != nil { return .iHenholdTil }
        if ends("i medf\u{00F8}r af", at: e) != nil { return .iMedfoerAf }
        if ends("med hjemmel i", at: e) != nil { return .medHjemmelI }
        if ends("uanset", at: e) != nil { return .uanset }
        if ends("omfattet af", at: e) != nil || ends("omfattede af", at: e) != nil { return .omfattetAf }
        if ends("n\u{00E6}vnt i", at: e) != nil || ends("n\u{00E6}vnte i", at: e) != nil { return .naevntI }
        if ends("efter", at: e) != nil || ends("efter reglerne i", at: e) != nil { return .efter }
        return .none
    }
}
