/// One § the provision list says the document has.
struct TruthSection {
    var key: SectionKey
    /// The provision it comes from (index into the document's list).
    var provision: Int
    /// Part of a range or list of §§ written as one provision ("§§ 28-30. (Ophævet)").
    var fromList: Bool
    /// The chapter it belongs to; nil where the list gives none (or none that is a number).
    var chapter: ChapterNumber?
    /// Stk. in the § (proxy): 1 + the "Stk. 2.", "Stk. 3." … markers found in order in its text.
    var subsections: Int
    /// The label its text opens with, as the scorer reads it.
    var label: ContentLabel?
}

enum Truth {
    /// The §§ of a document: the `section` field of each provision, expanded where it is a range or list, and
    /// corrected by the provision's own label where the field dropped the letter the label has (the field
    /// "16" for "§ 16 a. Finanstilsynet …": 2 890 provisions in 1 053 documents) or the second end of a range
    /// ("376" for "§§ 376-437. (Udeladt).") or where it names another § than the label. A provision whose text
    /// has no § label is left out. A § whose label the dataset merged into the text of the § before it, and which
    /// the list therefore lacks, is added (``mergedLabel(in:after:listed:)``).
    static func sections(of document: DatasetDocument) -> [TruthSection] {
        var result: [TruthSection] = []
        // Every § number the list names, so that a merged § is only one the list lacks.
        var listed: Set<SectionKey> = []
        for provision in document.provisions {
            listed.formUnion(SectionKey.expand(field: provision.section).keys)
            if let label = ContentLabel(provision.content) { listed.formUnion(label.keys) }
        }
        for (index, provision) in document.provisions.enumerated() {
            // A text without a § label ("25 d. Kommunalbestyrelsen …", "(Ophævet)"): the dataset lost the
            // heading, so there is none for the parser to find; not scored.
            guard let label = ContentLabel(provision.content) else { continue }
            var (keys, isList) = SectionKey.expand(field: provision.section)
            if keys.first?.value != label.value {
                // The field contradicts the text ("1" for "§ 35 b. Aktie- og anpartsselskaber …" in an amending
                // act, "82" for "§ § 78 a. …": 26 provisions): the text the parser reads is the one to find.
                keys = label.keys
                isList = keys.count > 1
            } else if keys.count == 1 {
                let labelled = label.keys
                if labelled.count > 1 {
                    // The field "376" for "§§ 376-437. (Udeladt)."
                    keys = labelled
                    isList = true
                } else if keys[0].suffix.isEmpty, !label.letter.isEmpty {
                    keys = [label.key]
                }
            }
            let chapter = provision.chapter.flatMap(ChapterNumber.init)
            // "§ 15. Udgifter … uvedkommende. § 16. Med bøde straffes …": §§ the dataset merged into this text.
            var pieces = [Substring(provision.content)]
            var mergedKeys: [SectionKey] = []
            if !isList, let own = keys.last {
                var previous = own
                while let (key, at) = mergedLabel(in: pieces[pieces.count - 1], after: previous, listed: listed) {
                    let text = pieces.removeLast()
                    pieces += [text[..<at], text[at...]]
                    mergedKeys.append(key)
                    previous = key
                }
            }
            let stk = isList ? 1 : subsectionProxy(String(pieces[0]))
            for key in keys {
                result.append(
                    TruthSection(key: key, provision: index, fromList: isList, chapter: chapter, subsections: stk, label: label))
            }
            for (key, piece) in zip(mergedKeys, pieces.dropFirst()) {
                result.append(
                    TruthSection(
                        key: key, provision: index, fromList: false, chapter: chapter,
                        subsections: subsectionProxy(String(piece)), label: ContentLabel(String(piece))))
            }
        }
        return result
    }

    /// A § label inside a provision's text that the dataset's list lost by merging it into the § before: after a
    /// sentence end (not a citation's "jf." or "nr."), with its period and a capital after it, continuing the
    /// numbering after `after`, and in no provision of the list. Where its label starts.
    static func mergedLabel(in text: Substring, after: SectionKey, listed: Set<SectionKey>) -> (SectionKey, String.Index)? {
        var search = text.index(after: text.startIndex)
        while let at = text[search...].firstIndex(of: "§") {
            search = text.index(after: at)
            var end = at
            while end > text.startIndex, text[text.index(before: end)] == " " || text[text.index(before: end)] == "\u{A0}" {
                end = text.index(before: end)
            }
            let before = text[..<end]
            guard let last = before.last, last == "." || last == ")" else { continue }
            let word = before.split(separator: " ").last.map { $0.lowercased() } ?? ""
            if ["jf.", "jfr.", "nr.", "stk.", "pkt.", "m.v.", "mv.", "bl.a.", "f.eks.", "kr.", "pr."].contains(word) { continue }
            guard let label = ContentLabel(String(text[at...])), label.hasPeriod, label.keys.count == 1,
                label.key.continues(after), !listed.contains(label.key)
            else { continue }
            // A capital after the label's period.
            let rest = text[at...].drop(while: { $0 != "." }).dropFirst().drop(while: { $0 == " " })
            guard let next = rest.first, next.isUppercase else { continue }
            return (label.key, at)
        }
        return nil
    }

    /// 1 + the stk. markers "Stk. 2.", "Stk. 3." … found in order in the text (a proxy of the stk. count).
    static func subsectionProxy(_ content: String) -> Int {
        let bytes = Array(content.utf8)
        var expected = 2
        var i = 0
        while i + 5 < bytes.count {
            if bytes[i] == 0x53, bytes[i + 1] == 0x74, bytes[i + 2] == 0x6B, bytes[i + 3] == 0x2E {  // "Stk."
                var j = i + 4
                while j < bytes.count, bytes[j] == 0x20 { j += 1 }
                if j + 1 < bytes.count, bytes[j] == 0xC2, bytes[j + 1] == 0xA0 { j += 2 }
                var value = 0
                let start = j
                while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39, j - start < 3 {
                    value = value * 10 + Int(bytes[j] - 0x30)
                    j += 1
                }
                // "Stk. 5 ." as some texts write it.
                var period = j
                while period < bytes.count, bytes[period] == 0x20 { period += 1 }
                if j > start, period < bytes.count, bytes[period] == 0x2E, value == expected {
                    expected += 1
                    i = period
                }
            }
            i += 1
        }
        return expected - 1
    }
}
