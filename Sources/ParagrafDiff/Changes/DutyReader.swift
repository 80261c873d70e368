import Paragraf

/// Reads who must or may act from the opening of each sentence of a provision.
enum DutyReader {
    struct Found {
        var duty: Duty
        /// Bytes from the actor to the verb.
        var range: Range<Int>
    }

    /// The duties stated by the sentences directly inside node `node` of a flattened version, read from
    /// its token table (keys are the interned strings; no ``Token`` is made). `cache` keeps the words'
    /// flags by symbol; pass the same one for every node of the version.
    static func duties(in node: Int, of v: FlatVersion, cache: FlagCache = FlagCache()) -> [Found] {
        var result: [Found] = []
        v.nodes.forEachChild(of: node) { sentence in
            guard v.nodes.kind(at: sentence) == .sentence else { return }
            let atom = Int(v.rows[sentence].textAtom)
            if atom >= 0 && v.atoms[atom].node == Int32(sentence) {
                v.finalize(atom)
                // `duty(in:)` reads at most the first 26 words; 40 keep every comparison with the count.
                let tokenRange = Int(v.atoms[atom].tokenStart)..<Int(v.atoms[atom].tokenEnd)
                var indices: [Int] = []
                indices.reserveCapacity(wordLimit)
                for t in tokenRange where v.tokens[t].kind == .word {
                    indices.append(t)
                    if indices.count == wordLimit { break }
                }
                let words = FlatWords(version: v, cache: cache, indices: indices)
                if let found = duty(in: words) { result.append(found) }
            } else {
                let tokens = Array(
                    Tokenizer.tokens(v.source, v.nodes.range(at: sentence).offsets).filter { $0.kind == .word }.prefix(wordLimit))
                if let found = duty(in: tokens) { result.append(found) }
            }
        }
        return result
    }

    /// Words of a flat token table, by index.
    struct FlatWords: TokenList {
        let version: FlatVersion
        let cache: FlagCache
        /// The token indices of the words.
        let indices: [Int]
        var count: Int { indices.count }
        func kind(_ i: Int) -> Token.Kind { version.tokens[indices[i]].kind }
        func text(_ i: Int) -> String { version.tokenText(indices[i]) }
        func key(_ i: Int) -> String { version.key(indices[i]) }
        func offsets(_ i: Int) -> Range<Int> { version.tokens[indices[i]].offsets }
        func modality(_ i: Int) -> Modality? { word(i).modality }
        func dutyFlags(_ i: Int) -> Flags { word(i).flags }
        /// Worked out when first asked (few words are asked: only those before a modal).
        func namesActor(_ i: Int) -> Bool {
            var word = word(i)
            if let known = word.namesActor { return known }
            let key = key(i)
            let names = Lexicon.actorSuffixes.contains { key.hasSuffix($0) }
            word.namesActor = names
            cache.set(Int(version.tokens[indices[i]].symbol), word)
            return names
        }
        /// What the `i`th word's symbol is to ``duty(in:)``, from the cache.
        @inline(__always) private func word(_ i: Int) -> Word {
            let symbol = Int(version.tokens[indices[i]].symbol)
            if let known = cache.word(symbol) { return known }
            let key = key(i)
            let word = Word(flags: DutyReader.flags(key), modality: Lexicon.modalities[key], namesActor: nil)
            cache.set(symbol, word)
            return word
        }
        /// From the first byte when it is ASCII (an ASCII letter starts an uppercase character exactly when
        /// it is uppercase, whatever marks follow it; any other ASCII byte starts no uppercase character).
        func startsUppercase(_ i: Int) -> Bool {
            let start = Int(version.tokens[indices[i]].start)
            let first = version.source.bytes[start]
            if first < 0x80 { return first >= 0x41 && first <= 0x5A }
            return text(i).first?.isUppercase ?? false
        }
    }

    /// What a word is to ``duty(in:)``: one of the words of "har pligt til", "er forpligtet til", "at",
    /// or a likely infinitive.
    struct Flags: OptionSet {
        let rawValue: UInt8
        static let har = Flags(rawValue: 1)
        static let er = Flags(rawValue: 2)
        static let pligt = Flags(rawValue: 4)
        static let forpligtet = Flags(rawValue: 8)
        static let til = Flags(rawValue: 16)
        static let at = Flags(rawValue: 32)
        /// Ends in -e, is longer than three characters and is not one of ``nonVerbs``, or is one of ``shortVerbs``.
        static let infinitive = Flags(rawValue: 64)
    }

    /// The flags of a key.
    static func flags(_ key: String) -> Flags {
        var f: Flags = []
        switch key {
        case "har": f.insert(.har)
        case "er": f.insert(.er)
        case "pligt": f.insert(.pligt)
        case "forpligtet": f.insert(.forpligtet)
        case "til": f.insert(.til)
        case "at": f.insert(.at)
        default: break
        }
        if (key.hasSuffix("e") && key.count > 3 && !nonVerbs.contains(key)) || shortVerbs.contains(key) {
            f.insert(.infinitive)
        }
        return f
    }

    /// What a word's key is to ``duty(in:)``: its ``Flags``, `Lexicon.modalities[key]`, and whether it
    /// ends in one of ``Lexicon/actorSuffixes`` (nil until asked).
    struct Word {
        var flags: Flags
        var modality: Modality?
        var namesActor: Bool?
    }

    /// The ``Word`` of each symbol of a version, worked out once per symbol. Measured: working the flags
    /// out from the key at every word costs ≈ 6 % of `paragraf-bench once diff` at ×10.
    final class FlagCache {
        // Read for every word of every sentence of a changed pair; no access overlaps another. Measured
        // together with the unchecked tables of ``UnitBuilder`` (see there).
        @exclusivity(unchecked) private var words: [Word?] = []

        @inline(__always) func word(_ symbol: Int) -> Word? { symbol < words.count ? words[symbol] : nil }

        func set(_ symbol: Int, _ word: Word) {
            if symbol >= words.count { words.append(contentsOf: repeatElement(nil, count: symbol + 1 - words.count)) }
            words[symbol] = word
        }
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
        // An actor and a modal are two words at least; a sentence of numbers alone ("2.") has none.
        guard words.count >= 2 else { return nil }
        // The actor is the words before the modal, within the first few, one of them naming an authority.
        for m in 1..<min(words.count, 7) {
            var modality = words.modality(m)
            var verbIndex = m + 1
            if modality == nil, m + 2 < words.count {
                let key = words.dutyFlags(m)
                if key.contains(.har), words.dutyFlags(m + 1).contains(.pligt), words.dutyFlags(m + 2).contains(.til) {
                    modality = .must
                    verbIndex = m + 3
                }
                if key.contains(.er), words.dutyFlags(m + 1).contains(.forpligtet),
                    words.dutyFlags(m + 2).contains(.til)
                {
                    modality = .must
                    verbIndex = m + 3
                }
            }
            guard let modality else { continue }
            guard (0..<m).contains(where: { words.namesActor($0) }), words.startsUppercase(0) else { return nil }
            // The infinitive may stand a few words later ("skal til børn og unge … tilbyde"); Danish
            // infinitives end in -e or are one of a few short verbs.
            if modality != .does {
                if verbIndex < words.count, words.dutyFlags(verbIndex).contains(.at) { verbIndex += 1 }
                var k = verbIndex
                while k < min(words.count, verbIndex + 14) {
                    if words.dutyFlags(k).contains(.infinitive) { break }
                    k += 1
                }
                if k < min(words.count, verbIndex + 14) { verbIndex = k }
            }
            let verb = modality == .does ? words.text(m) : (verbIndex < words.count ? words.text(verbIndex) : "")
            let end =
                modality == .does
                ? words.offsets(m).upperBound
                : (verbIndex < words.count ? words.offsets(verbIndex).upperBound : words.offsets(m).upperBound)
            let actor = (0..<m).map { words.text($0) }.joined(separator: " ")
            return Found(
                duty: Duty(actor: actor, modality: modality, verb: verb), range: words.offsets(0).lowerBound..<end)
        }
        return nil
    }
}
