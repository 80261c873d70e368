import Paragraf

/// Terms replaced throughout: short word-for-word replacements (1–3 words each side, no numbers, no modal
/// verbs) counted over the whole document, reported once with every place when they repeat, or when the
/// lexicon knows the pair (``Lexicon/isEraPair(_:_:)``).
///
/// A phrase pair is told by its words' symbols (a version's keys and symbols correspond one to one), so its
/// strings are built once, and an occurrence's place only when its substitution is reported.
struct TermDetector: ChangeDetector {
    var category: ChangeCategory { .term }

    /// A phrase pair and where it occurs.
    struct Phrase {
        var old: String
        var new: String
        /// The number of words on each side.
        var oldWords: Int
        var newWords: Int
        /// The (pair, hunk) of every occurrence.
        var occurrences: [(Int, Int)]
    }

    func detect(in pairs: ComparedPairs, into findings: inout ChangeFindings) -> Int {
        var reported: [(phrase: Phrase, known: Bool)] = []
        for phrase in TermDetector.mergeEquivalent(phrases(in: pairs)) {
            let known = Lexicon.isEraPair(phrase.old, phrase.new)
            // Without the lexicon's word for it, a substitution must repeat and replace word for word
            // (keys hold no spaces: a phrase has as many space-separated parts as words).
            let wordForWord = phrase.oldWords == phrase.newWords
            guard known || (phrase.occurrences.count >= 2 && wordForWord) else { continue }
            reported.append((phrase, known))
        }
        var terms = substitutions(reported, pairs)
        terms.sort { $0.count != $1.count ? $0.count > $1.count : ($0.old, $0.new) < ($1.old, $1.new) }
        findings.terms = terms
        return terms.count
    }

    /// Every unclaimed replacement of 1–3 words on each side without numbers or modal verbs, as phrase pairs
    /// in order of first occurrence.
    private func phrases(in pairs: ComparedPairs) -> [Phrase] {
        let ov = pairs.old
        let nv = pairs.new
        // The words' symbols, old in lanes 0–2 and new in lanes 4–6, -1 past the last word.
        var phraseIndex: [SIMD8<Int32>: Int] = [:]
        var phrases: [Phrase] = []
        for (n, c) in pairs.pairs.enumerated() {
            for (h, hunk) in c.hunks.enumerated() where hunk.operation == .replace && c.category(h) == nil {
                let ot = c.oldTokens
                let nt = c.newTokens
                guard hunk.old.allSatisfy({ ot.kind($0) != .number }), hunk.new.allSatisfy({ nt.kind($0) != .number })
                else { continue }
                // Any fourth word on a side disqualifies the hunk.
                var key = SIMD8<Int32>(repeating: -1)
                var oldWords = 0
                var newWords = 0
                for t in hunk.old where ot.kind(t) == .word {
                    if oldWords < 3 { key[oldWords] = ot.tok(t).symbol }
                    oldWords += 1
                }
                for t in hunk.new where nt.kind(t) == .word {
                    if newWords < 3 { key[4 + newWords] = nt.tok(t).symbol }
                    newWords += 1
                }
                guard (1...3).contains(oldWords), (1...3).contains(newWords) else { continue }
                if (0..<oldWords).contains(where: { ov.symbols.facts(key[$0]).modality != nil })
                    || (0..<newWords).contains(where: { nv.symbols.facts(key[4 + $0]).modality != nil })
                {
                    continue
                }
                if let p = phraseIndex[key] {
                    phrases[p].occurrences.append((n, h))
                } else {
                    phraseIndex[key] = phrases.count
                    let op = (0..<oldWords).map { ov.symbols.key(key[$0]) }.joined(separator: " ")
                    let np = (0..<newWords).map { nv.symbols.key(key[4 + $0]) }.joined(separator: " ")
                    phrases.append(
                        Phrase(old: op, new: np, oldWords: oldWords, newWords: newWords, occurrences: [(n, h)]))
                }
            }
        }
        return phrases
    }

    /// Keys of different bytes may still be equal strings (canonically equivalent spellings): such phrases
    /// are one substitution, as when phrases were told by their strings. It reads as its last occurrence does.
    private static func mergeEquivalent(_ phrases: [Phrase]) -> [Phrase] {
        var byText: [String: Int] = [:]
        var merged: [Phrase] = []
        merged.reserveCapacity(phrases.count)
        for phrase in phrases {
            let text = phrase.old + "\u{1F}" + phrase.new
            guard let m = byText[text] else {
                byText[text] = merged.count
                merged.append(phrase)
                continue
            }
            let all = (merged[m].occurrences + phrase.occurrences).sorted { $0 < $1 }
            if phrase.occurrences.last! > merged[m].occurrences.last! {
                merged[m].old = phrase.old
                merged[m].new = phrase.new
            }
            merged[m].occurrences = all
        }
        return merged
    }

    /// The reported substitutions with their places, their hunks claimed.
    private func substitutions(_ reported: [(phrase: Phrase, known: Bool)], _ pairs: ComparedPairs) -> [TermSubstitution] {
        let oldLocator = pairs.oldLocator
        let newLocator = pairs.newLocator
        var terms: [TermSubstitution] = []
        terms.reserveCapacity(reported.count)
        for (phrase, known) in reported {
            var places: [Place] = []
            places.reserveCapacity(phrase.occurrences.count)
            for (n, h) in phrase.occurrences {
                let c = pairs.pairs[n]
                let hunk = c.hunks[h]
                let oldStart = c.oldTokens.offsets(hunk.old.lowerBound).lowerBound
                let oldEnd = c.oldTokens.offsets(hunk.old.upperBound - 1).upperBound
                let newStart = c.newTokens.offsets(hunk.new.lowerBound).lowerBound
                let newEnd = c.newTokens.offsets(hunk.new.upperBound - 1).upperBound
                places.append(
                    Place(
                        oldCitation: oldLocator.citation(at: oldStart, fallback: pairs.oldCitation(c)),
                        newCitation: newLocator.citation(at: newStart, fallback: pairs.newCitation(c)),
                        oldRange: oldLocator.range(oldStart, oldEnd), newRange: newLocator.range(newStart, newEnd)))
                c.claim(h, as: .term)
            }
            terms.append(
                TermSubstitution(
                    old: phrase.old, new: phrase.new, count: places.count, isKnownEraTerm: known, places: places))
        }
        return terms
    }
}
