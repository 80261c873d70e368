import Paragraf

/// Acts named by one word that the ``ActTable`` does not list: "færdselsloven", "retsplejelovens", and "loven"
/// itself (the act a bekendtgørelse is issued under, or the act a text of a law is part of).
///
/// The table knows the acts of social and health law by their aliases; a corpus of all Danish law cites hundreds
/// more, nearly all by a compound in "-loven". Without this, "retsplejelovens § 777" reads as "§ 777" of the
/// citing document itself.
extension ActIdentity {
    /// The key of "loven" / "lovens": the act the citing text belongs to or is issued under, which only the
    /// citing document's context can name.
    public static let enablingActKey = "loven"
}

extension CitationExtractor {
    /// The act a name denotes, read as a citation would read it: an alias of the table ("Sundhedslov",
    /// "lov om social service"), a generic "lov om …" name, or a word in "-loven"/"-lov" ("Færdselsloven",
    /// "Straffelov"). Nil for anything else. Used to give a corpus's acts (from the titles of their
    /// consolidations, "Bekendtgørelse af færdselsloven") the same keys the citations of them get.
    public func act(named name: String) -> ActIdentity? {
        let trimmed = Bytes.normalized(name)
        if let known = acts.act(named: trimmed) { return known }
        let bytes = Array(trimmed.utf8)
        guard !bytes.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { b -> ActIdentity? in
            var scanner = CitationScanner(b: b, source: SourceText(bytes: []), extractor: self, prose: true)
            scanner.lo = 0
            scanner.hi = b.count
            if let (act, _) = scanner.genericAct(0) { return act }
            if let (act, end) = scanner.actWord(0, allowIndefinite: true), end == b.count { return act }
            return nil
        }
    }
}

extension CitationScanner {
    /// A word in "-loven" or "-lovens" starting at word start `i` ("færdselsloven", "loven"), as an act; with
    /// `allowIndefinite` also "-lov" ("Straffelov", a title). The key is the definite form in lower case.
    func actWord(_ i: Int, allowIndefinite: Bool = false) -> (ActIdentity, Int)? {
        guard i < hi, Bytes.isLetter(b, i), wordStart(i) else { return nil }
        var end = i
        while end < hi, isWordChar(end) { end += 1 }
        let word = String(decoding: b[i..<end], as: UTF8.self).lowercased()
        let base: String
        if word.hasSuffix("lovens") {
            base = String(word.dropLast())
        } else if word.hasSuffix("loven") {
            base = word
        } else if allowIndefinite, word.hasSuffix("lov"), word.count > 3 {
            base = word + "en"
        } else {
            return nil
        }
        if let known = extractor.acts.act(named: base) { return (known, end) }
        return (ActIdentity(key: base, name: base, isKnown: false), end)
    }

    /// The genitive act word standing right before the "§" at `i` ("retsplejelovens § 777"), with its start.
    func genitiveActWord(before i: Int) -> (ActIdentity?, Int)? {
        let wordEnd = Bytes.trimEnd(b, lo, i)
        guard wordEnd < i, wordEnd > lo else { return nil }
        var start = wordEnd
        while start > lo, isWordChar(start - 1) { start -= 1 }
        // Only "…lovens": the table's own genitives ("sundhedslovens") never get here, parseAct reads them first.
        guard wordEnd - start >= 6, Bytes.matchesIgnoringCase(b, wordEnd - 6, wordEnd, "lovens"),
            let (act, end) = actWord(start), end == wordEnd
        else { return nil }
        return (act, start)
    }
}
