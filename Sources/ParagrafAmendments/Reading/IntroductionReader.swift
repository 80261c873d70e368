import Paragraf

/// Reads the sentence that opens an amending §: "I lov om hold af dyr, jf. lovbekendtgørelse nr. 9 af 6. januar
/// 2022, foretages følgende ændringer:", "I bekendtgørelse nr. 1077 af 30. juni 2020 om tandpleje foretages
/// følgende ændring:", or a single change: "I lov om X, jf. …, § 5, stk. 2, ændres »a« til: »b«."
enum IntroductionReader {
    /// What the introduction says.
    struct Introduction: Equatable {
        /// The act as named ("lov om hold af dyr", "bekendtgørelse om tandpleje").
        var actName: String
        /// The version named ("lovbekendtgørelse nr. 9 af 6. januar 2022").
        var instrument: InstrumentReference?
        /// For a § that makes one change in its first sentence: where in `text` that change begins.
        var singleChange: String.Index?
    }

    static let verbs = ["ændres", "indsættes", "ophæves", "affattes", "udgår"]

    /// The introduction of `text`, or nil when it is not one (an in-force §, a § of the act's own).
    static func read(_ text: String) -> Introduction? {
        guard text.hasPrefix("I ") else { return nil }
        let listForm = text.range(of: "foretages følgende ændring") ?? text.range(of: "foretages følgende ændringer")
        let body = text[text.index(text.startIndex, offsetBy: 2)...]
        if let listForm {
            let head = String(text[body.startIndex..<listForm.lowerBound]).trimmingSpaces
            let (name, instrument) = nameAndInstrument(head)
            return Introduction(actName: name, instrument: instrument)
        }
        guard verbs.contains(where: { text.contains(" " + $0) }) else { return nil }
        // A single change: the act's name runs to the address or to "overalt".
        let stops = [", §", " §", ", kapitel", ", bilag", ", overalt", " overalt", ", ændres", " ændres", ", indsættes", " indsættes"]
        var cut = text.endIndex
        var searchFrom = body.startIndex
        if let jf = text.range(of: ", jf. ", range: body.startIndex..<text.endIndex) {
            // The instrument's own "nr. 9 af 6. januar 2022," is not an address; look after its date.
            searchFrom = afterDate(in: text, from: jf.upperBound) ?? jf.upperBound
        }
        for stop in stops {
            if let r = text.range(of: stop, range: searchFrom..<text.endIndex), r.lowerBound < cut { cut = r.lowerBound }
        }
        guard cut < text.endIndex else { return nil }
        let head = String(text[body.startIndex..<cut]).trimmingSpaces
        let (name, instrument) = nameAndInstrument(head)
        var change = cut
        while change < text.endIndex, text[change] == "," || text[change] == " " { change = text.index(after: change) }
        return Introduction(actName: name, instrument: instrument, singleChange: change)
    }

    /// "lov om hold af dyr, jf. lovbekendtgørelse nr. 9 af 6. januar 2022" → name and instrument;
    /// "bekendtgørelse nr. 1077 af 30. juni 2020 om tandpleje" → "bekendtgørelse om tandpleje" and the number.
    static func nameAndInstrument(_ head: String) -> (String, InstrumentReference?) {
        var name = head
        var referenced: String?
        for marker in [", jf. ", " jf. "] {
            if let r = head.range(of: marker) {
                name = String(head[..<r.lowerBound])
                referenced = String(head[r.upperBound...])
                break
            }
        }
        for marker in [", som ændret", " som ændret"] {
            if let r = name.range(of: marker) { name = String(name[..<r.lowerBound]) }
            if let ref = referenced, let r = ref.range(of: marker) { referenced = String(ref[..<r.lowerBound]) }
        }
        name = name.trimmingSpaces.trimmingCharacters(",")
        if let referenced, let instrument = instrument(String(referenced.trimmingSpaces.trimmingCharacters(","))) {
            return (name, instrument)
        }
        // "bekendtgørelse nr. 1077 af 30. juni 2020 om tandpleje", "lov nr. 123 af 1. juli 2020 om …".
        if let instrument = instrument(name), let om = name.range(of: " om ") {
            let type = name.split(separator: " ").first.map(String.init) ?? ""
            return (type + name[om.lowerBound...], instrument)
        }
        return (name, nil)
    }

    /// "lovbekendtgørelse nr. 9 af 6. januar 2022" as a reference, or nil without "nr.".
    static func instrument(_ text: String) -> InstrumentReference? {
        guard let nr = text.range(of: " nr. ") ?? text.range(of: " nr ") else { return nil }
        let typeWord = text[..<nr.lowerBound].lowercased()
        let digits = text[nr.upperBound...].prefix { $0.isNumber }
        guard !digits.isEmpty else { return nil }
        var date: LegalDate?
        var end = text.index(nr.upperBound, offsetBy: digits.count)
        if let af = text.range(of: " af ", range: end..<text.endIndex), af.lowerBound == end,
            let match = DanishDates.firstMatch(in: String(text[af.upperBound...]))
        {
            date = match.date
            let sub = String(text[af.upperBound...])
            end = text.index(af.upperBound, offsetBy: sub.distance(from: sub.startIndex, to: match.range.upperBound))
        }
        let type: DocumentType =
            typeWord.hasSuffix("lovbekendtgørelse")
            ? .lovbekendtgoerelse
            : typeWord.hasSuffix("bekendtgørelse")
                ? .bekendtgoerelse
                : typeWord.hasSuffix("lov") ? .lov : typeWord.hasSuffix("cirkulære") ? .cirkulaere : .unknown
        return InstrumentReference(type: type, number: String(digits), date: date, text: String(text[..<end]).trimmingSpaces)
    }

    /// The index after the first date at or after `from`.
    static func afterDate(in text: String, from: String.Index) -> String.Index? {
        let sub = String(text[from...])
        guard let match = DanishDates.firstMatch(in: sub) else { return nil }
        return text.index(from, offsetBy: sub.distance(from: sub.startIndex, to: match.range.upperBound))
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces.
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    /// Without leading and trailing `character`s and spaces.
    func trimmingCharacters(_ character: Character) -> String {
        String(drop { $0 == character || $0 == " " }.reversed().drop { $0 == character || $0 == " " }.reversed())
    }
}
