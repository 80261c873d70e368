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

    /// "1.420" → 1420, "4,5" → 4.5.
    static func value(_ text: String) -> Double? {
        Double(text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))
    }

    static func amounts(in tokens: [Token]) -> [Amount] {
        var result: [Amount] = []
        for (i, t) in tokens.enumerated() where t.kind == .number {
            guard let v = value(t.text) else { continue }
            if i + 1 < tokens.count, let unit = units[tokens[i + 1].key] {
                // "kr." includes its period.
                var end = tokens[i + 1].offsets.upperBound
                var text = "\(t.text) \(tokens[i + 1].text)"
                if unit == "kr.", i + 2 < tokens.count, tokens[i + 2].text == ".",
                    tokens[i + 2].offsets.lowerBound == end
                {
                    end = tokens[i + 2].offsets.upperBound
                    text += "."
                }
                if unit == "%" && tokens[i + 1].offsets.lowerBound == t.offsets.upperBound { text = t.text + "%" }
                result.append(Amount(value: v, unit: unit, text: text, numberToken: i, offsets: t.offsets.lowerBound..<end))
            } else if i >= 2, tokens[i - 2].key == "kr", tokens[i - 1].text == "." {
                result.append(
                    Amount(
                        value: v, unit: "kr.", text: "kr. \(t.text)", numberToken: i,
                        offsets: tokens[i - 2].offsets.lowerBound..<t.offsets.upperBound))
            }
        }
        return result
    }
}

/// Reads who must or may act from the opening of each sentence of a provision.
enum DutyReader {
    struct Found {
        var duty: Duty
        /// Bytes from the actor to the verb.
        var range: Range<Int>
    }

    /// The duties stated by the sentences directly inside `node` (a subsection), in order.
    static func duties(in node: Node, source: SourceText) -> [Found] {
        var result: [Found] = []
        for sentence in node.children where sentence.kind == .sentence {
            let tokens = Tokenizer.tokens(source, sentence.range.offsets).filter { $0.kind == .word }
            if let found = duty(in: tokens) { result.append(found) }
        }
        return result
    }

    /// Short infinitives that do not end in -e.
    static let shortVerbs: Set<String> = ["gå", "få", "stå", "se", "nå", "yde", "dø"]
    /// Words ending in -e that are not verbs and often follow a modal.
    static let nonVerbs: Set<String> = [
        "unge", "alle", "denne", "disse", "nærmere", "samme", "eventuelle", "andre", "anden", "hele", "særlige",
        "kommunale", "regionale", "offentlige", "private", "enkelte", "pågældende", "vederlagsfrie", "specialiserede",
    ]

    static func duty(in words: [Token]) -> Found? {
        // The actor is the words before the modal, within the first few, one of them naming an authority.
        for m in 1..<min(words.count, 7) {
            var modality = Lexicon.modalities[words[m].key]
            var verbIndex = m + 1
            if words[m].key == "har", m + 2 < words.count, words[m + 1].key == "pligt", words[m + 2].key == "til" {
                modality = .must
                verbIndex = m + 3
            }
            if words[m].key == "er", m + 2 < words.count, words[m + 1].key == "forpligtet", words[m + 2].key == "til" {
                modality = .must
                verbIndex = m + 3
            }
            guard let modality else { continue }
            let actorWords = words[0..<m]
            guard actorWords.contains(where: { w in Lexicon.actorSuffixes.contains { w.key.hasSuffix($0) } }),
                words[0].text.first?.isUppercase ?? false
            else { return nil }
            // The infinitive may stand a few words later ("skal til børn og unge … tilbyde"); Danish
            // infinitives end in -e or are one of a few short verbs.
            if modality != .does {
                if verbIndex < words.count, words[verbIndex].key == "at" { verbIndex += 1 }
                var k = verbIndex
                while k < min(words.count, verbIndex + 14) {
                    let w = words[k].key
                    if (w.hasSuffix("e") && w.count > 3 && !nonVerbs.contains(w)) || shortVerbs.contains(w) { break }
                    k += 1
                }
                if k < min(words.count, verbIndex + 14) { verbIndex = k }
            }
            let verb = modality == .does ? words[m].text : (verbIndex < words.count ? words[verbIndex].text : "")
            let end = modality == .does ? words[m].offsets.upperBound
                : (verbIndex < words.count ? words[verbIndex].offsets.upperBound : words[m].offsets.upperBound)
            let actor = actorWords.map(\.text).joined(separator: " ")
            return Found(
                duty: Duty(actor: actor, modality: modality, verb: verb), range: words[0].offsets.lowerBound..<end)
        }
        return nil
    }
}
