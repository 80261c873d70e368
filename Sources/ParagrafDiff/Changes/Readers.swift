import Paragraf

/// Read access to a sequence of tokens, whether ``Token`` values or a run of a flat token table.
protocol TokenList {
    var count: Int { get }
    func kind(_ i: Int) -> Token.Kind
    func text(_ i: Int) -> String
    func key(_ i: Int) -> String
    func offsets(_ i: Int) -> Range<Int>
    /// `Lexicon.modalities[key(i)]`.
    func modality(_ i: Int) -> Modality?
    /// Whether `key(i)` ends in one of ``Lexicon/actorSuffixes``.
    func namesActor(_ i: Int) -> Bool
    /// `AmountReader.units[key(i)]`: the normalized unit the token names, if any.
    func amountUnit(_ i: Int) -> String?
}

extension TokenList {
    func modality(_ i: Int) -> Modality? { Lexicon.modalities[key(i)] }
    func namesActor(_ i: Int) -> Bool {
        let w = key(i)
        return Lexicon.actorSuffixes.contains { w.hasSuffix($0) }
    }
    func amountUnit(_ i: Int) -> String? { AmountReader.units[key(i)] }
}

extension Array: TokenList where Element == Token {
    func kind(_ i: Int) -> Token.Kind { self[i].kind }
    func text(_ i: Int) -> String { self[i].text }
    func key(_ i: Int) -> String { self[i].key }
    func offsets(_ i: Int) -> Range<Int> { self[i].offsets }
}

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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for c in text.utf8 where c != 0x2E { bytes.append(c == 0x2C ? 0x2E : c) }
        return Double(String(decoding: bytes, as: UTF8.self))
    }

    static func amounts<T: TokenList>(in tokens: T) -> [Amount] {
        var result: [Amount] = []
        for i in 0..<tokens.count where tokens.kind(i) == .number {
            // Most numbers are not amounts ("§ 17", "stk. 3"): the unit is looked for before the number
            // is read.
            let unitAfter = i + 1 < tokens.count ? tokens.amountUnit(i + 1) : nil
            guard unitAfter != nil || (i >= 2 && tokens.key(i - 2) == "kr" && tokens.text(i - 1) == ".") else {
                continue
            }
            let tText = tokens.text(i), tOffsets = tokens.offsets(i)
            guard let v = value(tText) else { continue }
            if let unit = unitAfter {
                // "kr." includes its period.
                let next = tokens.offsets(i + 1)
                var end = next.upperBound
                var text = "\(tText) \(tokens.text(i + 1))"
                if unit == "kr.", i + 2 < tokens.count, tokens.text(i + 2) == ".",
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

    /// The duties stated by the sentences directly inside node `node` of a flattened version, read from
    /// its token table (keys are the interned strings; no ``Token`` is made).
    static func duties(in node: Int, of v: FlatVersion) -> [Found] {
        var result: [Found] = []
        var words = FlatWords(version: v, indices: [])
        words.indices.reserveCapacity(wordLimit)
        for sentence in v.children(node) where v.nodes[sentence].kind == .sentence {
            let atom = Int(v.nodes[sentence].textAtom)
            if atom >= 0 && v.atoms[atom].node == Int32(sentence) {
                v.finalize(atom)
                words.indices.removeAll(keepingCapacity: true)
                // `duty(in:)` reads at most the first 26 words; 40 keep every comparison with the count.
                for t in Int(v.atoms[atom].tokenStart)..<Int(v.atoms[atom].tokenEnd) where v.tokens[t].kind == .word {
                    words.indices.append(t)
                    if words.indices.count == wordLimit { break }
                }
                if let found = duty(in: words) { result.append(found) }
            } else {
                let tokens = Array(
                    Tokenizer.tokens(v.source, v.nodes[sentence].range.offsets).filter { $0.kind == .word }.prefix(wordLimit))
                if let found = duty(in: tokens) { result.append(found) }
            }
        }
        return result
    }

    /// Words of a flat token table, by index.
    struct FlatWords: TokenList {
        let version: FlatVersion
        var indices: [Int]
        var count: Int { indices.count }
        func kind(_ i: Int) -> Token.Kind { version.tokens[indices[i]].kind }
        func text(_ i: Int) -> String { version.tokenText(indices[i]) }
        func key(_ i: Int) -> String { version.key(indices[i]) }
        func offsets(_ i: Int) -> Range<Int> { version.tokens[indices[i]].offsets }
        func modality(_ i: Int) -> Modality? { version.symbols.lexicon(version.tokens[indices[i]].symbol).modality }
        func namesActor(_ i: Int) -> Bool { version.symbols.lexicon(version.tokens[indices[i]].symbol).namesActor }
    }

    /// How many words of a sentence ``duties(in:of:)`` reads.
    static let wordLimit = 40

    /// Short infinitives that do not end in -e.
    static let shortVerbs: Set<String> = ["gå", "få", "stå", "se", "nå", "yde", "dø"]
    /// Words ending in -e that are not verbs and often follow a modal.
    static let nonVerbs: Set<String> = [
        "unge", "alle", "denne", "disse", "nærmere", "samme", "eventuelle", "andre", "anden", "hele", "særlige",
        "kommunale", "regionale", "offentlige", "private", "enkelte", "pågældende", "vederlagsfrie", "specialiserede",
    ]

    static func duty<W: TokenList>(in words: W) -> Found? {
        // The actor is the words before the modal, within the first few, one of them naming an authority.
        for m in 1..<min(words.count, 7) {
            var modality = words.modality(m)
            var verbIndex = m + 1
            if modality == nil, m + 2 < words.count {
                let key = words.key(m)
                if key == "har", words.key(m + 1) == "pligt", words.key(m + 2) == "til" {
                    modality = .must
                    verbIndex = m + 3
                }
                if key == "er", words.key(m + 1) == "forpligtet", words.key(m + 2) == "til" {
                    modality = .must
                    verbIndex = m + 3
                }
            }
            guard let modality else { continue }
            guard (0..<m).contains(where: { words.namesActor($0) }),
                words.text(0).first?.isUppercase ?? false
            else { return nil }
            // The infinitive may stand a few words later ("skal til børn og unge … tilbyde"); Danish
            // infinitives end in -e or are one of a few short verbs.
            if modality != .does {
                if verbIndex < words.count, words.key(verbIndex) == "at" { verbIndex += 1 }
                var k = verbIndex
                while k < min(words.count, verbIndex + 14) {
                    let w = words.key(k)
                    if (w.hasSuffix("e") && w.count > 3 && !nonVerbs.contains(w)) || shortVerbs.contains(w) { break }
                    k += 1
                }
                if k < min(words.count, verbIndex + 14) { verbIndex = k }
            }
            let verb = modality == .does ? words.text(m) : (verbIndex < words.count ? words.text(verbIndex) : "")
            let end = modality == .does ? words.offsets(m).upperBound
                : (verbIndex < words.count ? words.offsets(verbIndex).upperBound : words.offsets(m).upperBound)
            let actor = (0..<m).map { words.text($0) }.joined(separator: " ")
            return Found(
                duty: Duty(actor: actor, modality: modality, verb: verb), range: words.offsets(0).lowerBound..<end)
        }
        return nil
    }
}
