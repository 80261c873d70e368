import Paragraf
import ParagrafReferences

/// The finest citation for a byte offset of one version: sentence, item or subsection; and the source
/// ranges of that version (``LineCursor``).
struct CitationLocator {
    private var starts: [Int] = []
    private var ends: [Int] = []
    private var leaves: [Int] = []
    private let version: FlatVersion
    /// The line cursor, and the leaf of the last citation asked, shared by copies of the locator: offsets
    /// are mostly asked in reading order.
    private final class Cursors {
        @exclusivity(unchecked) var lines: LineCursor
        @exclusivity(unchecked) var leaf = 0
        init(_ source: SourceText) { lines = LineCursor(source) }
    }
    private let cursors: Cursors

    init(_ version: FlatVersion) {
        self.version = version
        cursors = Cursors(version.source)
        var entries: [Int] = []
        let nodes = version.nodes
        // Fields read in place: binding each node would copy its strings.
        for k in nodes.indices {
            let kind = nodes[k].kind
            guard kind == .sentence || kind == .block || kind == .preamble else { continue }
            guard nodes[k].end == Int32(k + 1), nodes[k].text != nil else { continue }
            entries.append(k)
        }
        entries.sort { nodes[$0].range.start.offset < nodes[$1].range.start.offset }
        starts = entries.map { nodes[$0].range.start.offset }
        ends = entries.map { nodes[$0].range.end.offset }
        leaves = entries
    }

    /// The citation of the leaf holding `offset`, or `fallback`.
    func citation(at offset: Int, fallback: @autoclosure () -> String) -> String {
        // The last leaf starting at or before `offset`: the last one asked or one of the next few, else
        // found by halving.
        var k = -1
        var near = cursors.leaf
        if near < starts.count && starts[near] <= offset {
            for _ in 0..<4 {
                if near + 1 == starts.count || starts[near + 1] > offset {
                    k = near
                    break
                }
                near += 1
            }
        }
        if k < 0 {
            var lo = 0, hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if starts[mid] <= offset { lo = mid + 1 } else { hi = mid }
            }
            k = lo - 1
        }
        if k >= 0 { cursors.leaf = k }
        guard k >= 0, offset < ends[k] else { return fallback() }
        return version.citation(leaves[k])
    }

    /// Per span, the citation at its start (``citation(at:fallback:)``, with `fallback(span.pair)`) and its
    /// range (``range(_:_:)``), in the order of `spans`; asked in offset order, so that both cursors walk
    /// forward (the answers do not depend on the order they are asked in).
    func resolve(_ spans: [PlaceSpan], fallback: (Int) -> String) -> [(citation: String, range: LocatedRange)] {
        var order = Array(spans.indices)
        order.sort { spans[$0].start < spans[$1].start }
        var result = [(citation: String, range: LocatedRange)?](repeating: nil, count: spans.count)
        for k in order {
            let span = spans[k]
            result[k] = (citation(at: span.start, fallback: fallback(span.pair)), range(span.start, span.end))
        }
        return result.map { $0! }
    }

    /// `version.source.range(start, end)`.
    func range(_ start: Int, _ end: Int) -> LocatedRange { cursors.lines.range(start, end) }
}

/// The bytes `start..<end` of one side of a reported place, and the text pair it is in (for the fallback
/// citation), for ``CitationLocator/resolve(_:fallback:)``.
struct PlaceSpan {
    var start: Int
    var end: Int
    var pair: Int
}

/// A run of tokens of one version's token table: what a ``Unit`` keeps for word-level comparison.
struct TokenRun: TokenList {
    let version: FlatVersion
    let range: Range<Int>
    /// The citation roles of the version's symbols, shared by the runs of the version.
    let roles: SymbolRoles

    /// ``ChangeClassifier/CitationRole`` by symbol, worked out once per symbol.
    final class SymbolRoles {
        /// Per symbol, the role's raw value plus 128 once known; 0 before.
        @exclusivity(unchecked) private var known: [UInt8] = []

        func role(_ symbol: Int, _ key: () -> String) -> ChangeClassifier.CitationRole {
            if symbol < known.count, known[symbol] != 0 { return ChangeClassifier.CitationRole(rawValue: known[symbol] & 0x7F) }
            let role = ChangeClassifier.citationRole(key())
            if symbol >= known.count { known.append(contentsOf: repeatElement(0, count: symbol + 1 - known.count)) }
            known[symbol] = role.rawValue | 0x80
            return role
        }
    }

    var count: Int { range.count }
    /// The index in the version's token table of the run's `i`th token.
    @inline(__always) func absolute(_ i: Int) -> Int { range.lowerBound + i }
    @inline(__always) func tok(_ i: Int) -> Tok { version.tokens[range.lowerBound + i] }
    func kind(_ i: Int) -> Token.Kind { tok(i).kind }
    func key(_ i: Int) -> String { version.key(range.lowerBound + i) }
    func text(_ i: Int) -> String { version.tokenText(range.lowerBound + i) }
    func offsets(_ i: Int) -> Range<Int> { tok(i).offsets }
    func amountUnit(_ i: Int) -> String? { version.symbols.amountUnit(tok(i).symbol) }
    /// From the bytes: a one-byte token that is a full stop.
    func isPeriod(_ i: Int) -> Bool {
        let t = tok(i)
        return t.end - t.start == 1 && version.source.bytes[Int(t.start)] == 0x2E
    }
    func citationRole(_ i: Int) -> ChangeClassifier.CitationRole { roles.role(Int(tok(i).symbol)) { key(i) } }
    /// Scanned in the token table.
    func nextNumber(from i: Int) -> Int? {
        version.tokens.withUnsafeBufferPointer { toks in
            var k = i
            while k < count {
                if toks[range.lowerBound + k].kind == .number { return k }
                k += 1
            }
            return nil
        }
    }
    /// Whether `text(r, withPrevious:)` is `text`, told from the bytes without building the string.
    func text(_ r: Range<Int>, withPrevious: Bool = false, equals text: String) -> Bool {
        let previous = withPrevious && r.lowerBound > 0 ? absolute(r.lowerBound - 1) : nil
        return version.readerText(absolute(r.lowerBound)..<absolute(r.upperBound), previous: previous, equals: text)
    }

    /// The reader's text of the run's tokens `r`, with a space before when `r` follows a gap.
    func text(_ r: Range<Int>, withPrevious: Bool = false) -> String {
        let previous = withPrevious && r.lowerBound > 0 ? absolute(r.lowerBound - 1) : nil
        return version.readerText(CollectionOfOne(absolute(r.lowerBound)..<absolute(r.upperBound)), previous: previous)
    }
}

/// Turns an alignment into classified changes: word segments, amounts, terms, duties, metadata.
struct ChangeClassifier {
    let old: ParsedDocument
    let new: ParsedDocument
    let aligned: AlignmentResult
    /// The citation graphs of both versions, when the caller already has them.
    var oldGraph: ReferenceGraph? = nil
    var newGraph: ReferenceGraph? = nil

    /// A compared pair: the hunks over the tokens of both sides.
    /// A class: every stage walks all pairs, and a pair (runs, hunks, categories) would be
    /// copied, field by field, at each step of each walk.
    private final class Compared {
        /// The index of the pair in `aligned.textPairs` (not a copy: a pair's two references are large,
        /// and the compared pairs live through the whole classification), and its two nodes.
        let index: Int
        let oldNode: Int
        let newNode: Int
        let oldTokens: TokenRun
        let newTokens: TokenRun
        let hunks: [DiffHunk]
        /// Per hunk, the category once classified: entries `firstCategory...` of a table shared by all
        /// pairs (one list instead of one per pair).
        private let categories: CategoryTable
        private let firstCategory: Int

        @inline(__always) func category(_ h: Int) -> ChangeCategory? { categories.values[firstCategory + h] }
        @inline(__always) func setCategory(_ h: Int, _ category: ChangeCategory) {
            categories.values[firstCategory + h] = category
        }

        init(
            index: Int, oldNode: Int, newNode: Int, oldTokens: TokenRun, newTokens: TokenRun, hunks: [DiffHunk],
            categories: CategoryTable
        ) {
            self.index = index
            self.oldNode = oldNode
            self.newNode = newNode
            self.oldTokens = oldTokens
            self.newTokens = newTokens
            self.hunks = hunks
            self.categories = categories
            firstCategory = categories.values.count
            categories.values.append(contentsOf: repeatElement(nil, count: hunks.count))
        }
    }

    /// The categories of the hunks of all compared pairs. Read and set one entry at a time, never during
    /// another access, so without the run-time exclusivity check.
    private final class CategoryTable {
        @exclusivity(unchecked) var values: [ChangeCategory?] = []
    }

    func classify() -> DocumentDiff {
        let ov = aligned.old, nv = aligned.new
        let oldLocator = CitationLocator(ov)
        let newLocator = CitationLocator(nv)

        // 1. Word diff of every aligned pair.
        let tables = SequenceDiff.SymbolTables(size: ov.symbols.provisionalOf.count)
        let oldRoles = TokenRun.SymbolRoles(), newRoles = TokenRun.SymbolRoles()
        // The symbols of a pair's two runs, in buffers reused from pair to pair (only their first
        // entries are the pair's).
        var oldSymbols: [Int32] = [], newSymbols: [Int32] = []
        let categoryTable = CategoryTable()
        let textPairs = aligned.textPairs
        let compared: [Compared] = textPairs.indices.map { index in
            let pair = textPairs[index]
            let ot = TokenRun(version: ov, range: pair.oldTokens, roles: oldRoles)
            let nt = TokenRun(version: nv, range: pair.newTokens, roles: newRoles)
            // Most pairs read the same: compared in the token tables before any symbol list is made.
            let same = pair.oldTokens.count == pair.newTokens.count
                && ov.tokens.withUnsafeBufferPointer { a in
                    nv.tokens.withUnsafeBufferPointer { b in
                        zip(pair.oldTokens, pair.newTokens).allSatisfy { a[$0].symbol == b[$1].symbol }
                    }
                }
            var hunks: [DiffHunk] = []
            if !same {
                /// The symbols of `run` in the first entries of `buffer` (grown when short).
                func fill(_ buffer: inout [Int32], _ v: FlatVersion, _ run: Range<Int>) {
                    if buffer.count < run.count { buffer.append(contentsOf: repeatElement(0, count: run.count - buffer.count)) }
                    buffer.withUnsafeMutableBufferPointer { out in
                        v.tokens.withUnsafeBufferPointer { toks in
                            for (i, t) in run.enumerated() { out[i] = toks[t].symbol }
                        }
                    }
                }
                fill(&oldSymbols, ov, pair.oldTokens)
                fill(&newSymbols, nv, pair.newTokens)
                hunks = oldSymbols.withUnsafeBufferPointer { a in
                    newSymbols.withUnsafeBufferPointer { b in
                        SequenceDiff.diff(
                            UnsafeBufferPointer(rebasing: a[0..<pair.oldTokens.count]),
                            UnsafeBufferPointer(rebasing: b[0..<pair.newTokens.count]), symbols: tables)
                    }
                }
            }
            return Compared(
                index: index, oldNode: pair.oldNode, newNode: pair.newNode, oldTokens: ot, newTokens: nt, hunks: hunks,
                categories: categoryTable)
        }

        // 2. Amounts.
        var amounts: [AmountChange] = []
        for (n, c) in compared.enumerated() where c.hunks.contains(where: { $0.operation == .replace }) {
            let oldAmounts = AmountReader.amounts(in: c.oldTokens)
            if oldAmounts.isEmpty { continue }
            let newAmounts = AmountReader.amounts(in: c.newTokens)
            if newAmounts.isEmpty { continue }
            for (h, hunk) in c.hunks.enumerated() where hunk.operation == .replace {
                let os = oldAmounts.filter { hunk.old.contains($0.numberToken) }
                var ns = newAmounts.filter { hunk.new.contains($0.numberToken) }
                for o in os {
                    guard let k = ns.firstIndex(where: { $0.unit == o.unit }) else { continue }
                    let m = ns.remove(at: k)
                    guard m.value != o.value else { continue }
                    let oldRange = oldLocator.range(o.offsets.lowerBound, o.offsets.upperBound)
                    let newRange = newLocator.range(m.offsets.lowerBound, m.offsets.upperBound)
                    amounts.append(
                        AmountChange(
                            unit: o.unit, oldValue: o.value, newValue: m.value,
                            percentChange: o.value == 0 ? nil : Int(((m.value - o.value) / o.value * 100).rounded()),
                            oldText: o.text, newText: m.text,
                            oldCitation: oldLocator.citation(at: o.offsets.lowerBound, fallback: textPairs[c.index].oldRef.citation),
                            newCitation: newLocator.citation(at: m.offsets.lowerBound, fallback: textPairs[c.index].newRef.citation),
                            oldRange: oldRange, newRange: newRange))
                    compared[n].setCategory(h, .amount)
                }
            }
        }

        // 3. Terms: short word-for-word replacements, counted over the whole document. A phrase pair is
        // told by its words' symbols (a version's keys and symbols correspond one to one), so its strings
        // are built once, and an occurrence's place only when its substitution is reported.
        struct Phrase {
            var old: String
            var new: String
            /// The number of words on each side.
            var oldWords: Int
            var newWords: Int
            /// The (pair, hunk) of every occurrence.
            var occurrences: [(Int, Int)]
        }
        /// The symbols of a phrase pair, hashed as one mixed word (not lane by lane).
        struct PhraseKey: Hashable {
            var symbols: SIMD8<Int32>
            static func == (a: PhraseKey, b: PhraseKey) -> Bool { a.symbols == b.symbols }
            func hash(into hasher: inout Hasher) {
                var h: UInt64 = 0
                for lane in 0..<8 { h = (h ^ UInt64(UInt32(bitPattern: symbols[lane]))) &* 0x9E37_79B9_7F4A_7C15 }
                hasher.combine(h)
            }
        }
        var phraseIndex: [PhraseKey: Int] = [:]
        var phrases: [Phrase] = []
        for (n, c) in compared.enumerated() {
            for (h, hunk) in c.hunks.enumerated() where hunk.operation == .replace && compared[n].category(h) == nil {
                let ot = c.oldTokens, nt = c.newTokens
                guard hunk.old.allSatisfy({ ot.kind($0) != .number }), hunk.new.allSatisfy({ nt.kind($0) != .number })
                else { continue }
                // The words' symbols, old in lanes 0–2 and new in lanes 4–6, -1 past the last word; any
                // fourth word on a side disqualifies the hunk.
                var key = SIMD8<Int32>(repeating: -1)
                var oldWords = 0, newWords = 0
                for t in hunk.old where ot.kind(t) == .word {
                    if oldWords < 3 { key[oldWords] = ot.tok(t).symbol }
                    oldWords += 1
                }
                for t in hunk.new where nt.kind(t) == .word {
                    if newWords < 3 { key[4 + newWords] = nt.tok(t).symbol }
                    newWords += 1
                }
                guard (1...3).contains(oldWords), (1...3).contains(newWords) else { continue }
                if (0..<oldWords).contains(where: { ov.symbols.modality(key[$0]) != nil })
                    || (0..<newWords).contains(where: { nv.symbols.modality(key[4 + $0]) != nil })
                {
                    continue
                }
                if let p = phraseIndex[PhraseKey(symbols: key)] {
                    phrases[p].occurrences.append((n, h))
                } else {
                    phraseIndex[PhraseKey(symbols: key)] = phrases.count
                    let op = (0..<oldWords).map { ov.symbols.key(key[$0]) }.joined(separator: " ")
                    let np = (0..<newWords).map { nv.symbols.key(key[4 + $0]) }.joined(separator: " ")
                    phrases.append(
                        Phrase(old: op, new: np, oldWords: oldWords, newWords: newWords, occurrences: [(n, h)]))
                }
            }
        }
        // Keys of different bytes may still be equal strings (canonically equivalent spellings): such
        // phrases are one substitution, as when phrases were told by their strings. It reads as its
        // last occurrence does.
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
        // The substitutions reported, then the places of all of them: each side's places are resolved in
        // offset order, so the locators walk forward through the version instead of searching all of it
        // for each place (a phrase's occurrences run through the whole document, phrase after phrase).
        var reported: [(phrase: Phrase, known: Bool)] = []
        var placeCount = 0
        for phrase in merged {
            let known = Lexicon.isEraPair(phrase.old, phrase.new)
            // Without the lexicon's word for it, a substitution must repeat and replace word for word
            // (keys hold no spaces: a phrase has as many space-separated parts as words).
            let wordForWord = phrase.oldWords == phrase.newWords
            guard known || (phrase.occurrences.count >= 2 && wordForWord) else { continue }
            reported.append((phrase, known))
            placeCount += phrase.occurrences.count
        }
        var oldSpans: [PlaceSpan] = [], newSpans: [PlaceSpan] = []
        oldSpans.reserveCapacity(placeCount)
        newSpans.reserveCapacity(placeCount)
        for (phrase, _) in reported {
            for (n, h) in phrase.occurrences {
                let c = compared[n], hunk = c.hunks[h]
                oldSpans.append(
                    PlaceSpan(
                        start: c.oldTokens.offsets(hunk.old.lowerBound).lowerBound,
                        end: c.oldTokens.offsets(hunk.old.upperBound - 1).upperBound, pair: c.index))
                newSpans.append(
                    PlaceSpan(
                        start: c.newTokens.offsets(hunk.new.lowerBound).lowerBound,
                        end: c.newTokens.offsets(hunk.new.upperBound - 1).upperBound, pair: c.index))
            }
        }
        let oldPlaces = oldLocator.resolve(oldSpans) { textPairs[$0].oldRef.citation }
        let newPlaces = newLocator.resolve(newSpans) { textPairs[$0].newRef.citation }
        var terms: [TermSubstitution] = []
        terms.reserveCapacity(reported.count)
        var nextPlace = 0
        for (phrase, known) in reported {
            let list = phrase.occurrences
            var places: [Place] = []
            places.reserveCapacity(list.count)
            for k in nextPlace..<nextPlace + list.count {
                places.append(
                    Place(
                        oldCitation: oldPlaces[k].citation, newCitation: newPlaces[k].citation,
                        oldRange: oldPlaces[k].range, newRange: newPlaces[k].range))
            }
            nextPlace += list.count
            terms.append(
                TermSubstitution(old: phrase.old, new: phrase.new, count: list.count, isKnownEraTerm: known, places: places))
            for (n, h) in list { compared[n].setCategory(h, .term) }
        }
        terms.sort { $0.count != $1.count ? $0.count > $1.count : ($0.old, $0.new) < ($1.old, $1.new) }

        // 3b. Citations renumbered in the text: numbers (and list words) right after "§", "stk.", "nr.", "kapitel".
        for (n, c) in compared.enumerated() {
            for (h, hunk) in c.hunks.enumerated() where hunk.operation != .equal && compared[n].category(h) == nil {
                if ChangeClassifier.isCitationEdit(c.oldTokens, hunk.old)
                    && ChangeClassifier.isCitationEdit(c.newTokens, hunk.new)
                {
                    compared[n].setCategory(h, .citation)
                }
            }
        }

        // 4. Duties.
        var duties: [DutyChange] = []
        let oldFlags = DutyReader.FlagCache(), newFlags = DutyReader.FlagCache()
        for (n, c) in compared.enumerated() where !c.hunks.isEmpty {
            let od = DutyReader.duties(in: c.oldNode, of: ov, cache: oldFlags)
            if od.isEmpty { continue }
            let nd = DutyReader.duties(in: c.newNode, of: nv, cache: newFlags)
            for (o, m) in zip(od, nd) {
                let change = DutyChange(
                    oldCitation: oldLocator.citation(at: o.range.lowerBound, fallback: textPairs[c.index].oldRef.citation),
                    newCitation: newLocator.citation(at: m.range.lowerBound, fallback: textPairs[c.index].newRef.citation),
                    old: o.duty, new: m.duty,
                    oldRange: oldLocator.range(o.range.lowerBound, o.range.upperBound),
                    newRange: newLocator.range(m.range.lowerBound, m.range.upperBound))
                guard change.actorChanged || change.modalityChanged else { continue }
                duties.append(change)
                // The hunks inside the duty phrase are duty changes, unless already amounts or terms.
                for (h, hunk) in c.hunks.enumerated() where compared[n].category(h) == nil {
                    guard let first = hunk.new.first.map({ c.newTokens.offsets($0).lowerBound }) else { continue }
                    if m.range.contains(first) { compared[n].setCategory(h, .duty) }
                }
            }
        }

        // 5. Citations, through the references module.
        let citations = CitationChecker(
            old: old, new: new, aligned: aligned, oldGraph: oldGraph ?? ReferenceGraph(parsed: old),
            newGraph: newGraph ?? ReferenceGraph(parsed: new)
        ).check()

        // 6. Sections side by side.
        let sections = buildSections(compared, oldLocator: oldLocator, newLocator: newLocator)

        // 7. Metadata.
        let metadata = ChangeClassifier.metadataChanges(old.document.metadata, new.document.metadata)

        // Rows counted in a table by level and status, then the levels and statuses that occur go into the
        // summary's dictionaries (no string-keyed lookup per row).
        let levels = AlignmentLevel.allCases, statuses = AlignmentStatus.allCases
        var table = [Int](repeating: 0, count: levels.count * statuses.count)
        var allUnchanged = true
        let a = aligned.alignment
        for list in [a.preamble, a.chapters, a.sections, a.subsections, a.items, a.annexes] {
            for row in list {
                let l = levels.firstIndex(of: row.level)!, s = statuses.firstIndex(of: row.status)!
                table[l * statuses.count + s] += 1
                if row.status != .unchanged { allUnchanged = false }
            }
        }
        var alignmentCounts: [String: [String: Int]] = [:]
        for (l, level) in levels.enumerated() {
            for (s, status) in statuses.enumerated() where table[l * statuses.count + s] > 0 {
                alignmentCounts[level.rawValue, default: [:]][status.rawValue] = table[l * statuses.count + s]
            }
        }
        var changeCounts: [String: Int] = [
            "amounts": amounts.count, "terms": terms.count, "duties": duties.count, "citations": citations.count,
            "metadata": metadata.count,
        ]
        var wordChanges = 0
        for c in compared { wordChanges += c.hunks.filter { $0.operation != .equal }.count }
        changeCounts["wordChanges"] = wordChanges
        let identical =
            metadata.isEmpty && wordChanges == 0 && allUnchanged
        return DocumentDiff(
            schemaVersion: DocumentDiff.currentSchemaVersion, old: ChangeClassifier.summary(old, ov),
            new: ChangeClassifier.summary(new, nv),
            summary: DiffSummary(alignment: alignmentCounts, changes: changeCounts, isIdentical: identical),
            alignment: aligned.alignment, metadata: metadata, amounts: amounts, terms: terms, duties: duties,
            citations: citations, sections: sections)
    }

    /// Whether the tokens in `range` are only citation numbers following a citation word.
    static func isCitationEdit<T: TokenList>(_ tokens: T, _ range: Range<Int>) -> Bool {
        guard range.allSatisfy({ tokens.kind($0) == .number || tokens.citationRole($0).contains(.listWord) }) else {
            return false
        }
        if range.isEmpty { return true }
        guard range.contains(where: { tokens.kind($0) == .number }) else { return false }
        var k = range.lowerBound - 1
        if k >= 0, tokens.isPeriod(k) { k -= 1 }
        guard k >= 0 else { return false }
        return tokens.citationRole(k).contains(.citationWord)
    }

    /// What a word may be in a citation: one of ``citationListWords``, one of ``citationWords``.
    struct CitationRole: OptionSet {
        let rawValue: UInt8
        static let listWord = CitationRole(rawValue: 1)
        static let citationWord = CitationRole(rawValue: 2)
    }

    /// The citation role of a key.
    static func citationRole(_ key: String) -> CitationRole {
        var role: CitationRole = []
        if citationListWords.contains(key) { role.insert(.listWord) }
        if citationWords.contains(key) { role.insert(.citationWord) }
        return role
    }

    /// Words that may stand between the numbers of a citation.
    private static let citationListWords: Set<String> = ["og", "eller", ",", "-", "§", "§§", "stk", ".", "nr"]
    /// Words after which a number is a citation.
    private static let citationWords: Set<String> = ["§", "§§", "stk", "nr", "kapitel", "bilag", "pkt"]

    // MARK: Sections

    private func buildSections(
        _ compared: [Compared], oldLocator: CitationLocator, newLocator: CitationLocator
    ) -> [SectionDiff] {
        let ov = aligned.old, nv = aligned.new
        // Ids are compared through their nodes: ``FlatVersion/canonical(_:)`` is the node `node(id)` finds
        // for a node's id (the last with that id), so two nodes have the same id exactly when their canonical
        // nodes agree. Per-row sets and maps are arrays over the nodes, stamped with the row's number.

        // The compared pairs by the new node named by their new id's first component (the node `node(id)`
        // finds, so a row's section, found the same way, is that node exactly when its id is that
        // component), as lists threaded through `nextPair`, in the order of the pairs. That node is
        // usually the canonical node of an ancestor of the pair's node with that id.
        var firstPair = [Int32](repeating: -1, count: nv.nodes.count)
        var lastPair = [Int32](repeating: -1, count: nv.nodes.count)
        var nextPair = [Int32](repeating: -1, count: compared.count)
        for (n, c) in compared.enumerated() {
            let first = aligned.textPairs[c.index].newRef.id.topLevel
            var ancestor = c.newNode
            while ancestor >= 0 && nv.nodes[ancestor].id != first { ancestor = Int(nv.nodes[ancestor].parent) }
            let section = ancestor >= 0 ? nv.canonical(ancestor) : nv.node(first)
            guard let k = section else { continue }
            if lastPair[k] < 0 { firstPair[k] = Int32(n) } else { nextPair[Int(lastPair[k])] = Int32(n) }
            lastPair[k] = Int32(n)
        }
        // Old nodes the alignment maps (`aligned.oldToNew[id] != nil`), for canonical nodes.
        func isMappedOld(_ k: Int) -> Bool { aligned.oldToNew.maps(canonical: k) }
        var matchStamp = [Int32](repeating: -1, count: nv.nodes.count), matchIndex = [Int32](repeating: 0, count: nv.nodes.count)
        var orderStamp = [Int32](repeating: -1, count: ov.nodes.count), orderIndex = [Int32](repeating: 0, count: ov.nodes.count)
        var emittedStamp = [Int32](repeating: -1, count: ov.nodes.count)

        var result: [SectionDiff] = []
        // The preamble, section and annex rows, numbered in that order (walked list by list: a joined list
        // would copy every row).
        var rowNumber: Int32 = -1
        for row in [aligned.alignment.preamble, aligned.alignment.sections, aligned.alignment.annexes].joined() {
            rowNumber += 1
            let stamp = rowNumber
            var provisions: [ProvisionDiff] = []
            let oldNodes = row.old.compactMap { ov.node($0.id) }
            let newNodes = row.new.compactMap { nv.node($0.id) }
            // A leaf row (the preamble) is its own only provision.
            func provisionsOf(_ v: FlatVersion, _ n: Int) -> [Int] {
                v.nodes[n].end == Int32(n + 1) && v.nodes[n].text != nil
                    ? [n] : v.children(n).filter { v.nodes[$0].kind == .subsection || v.nodes[$0].kind == .block }
            }
            let oldChildren = oldNodes.flatMap { provisionsOf(ov, $0) }
            let newChildren = newNodes.flatMap { provisionsOf(nv, $0) }
            // The compared pairs of the row's new sections, by new id (the first pair of an id wins).
            for section in newNodes {
                var next = firstPair[section]
                while next >= 0 {
                    let n = Int(next)
                    next = nextPair[n]
                    let k = nv.canonical(compared[n].newNode)
                    if matchStamp[k] != stamp {
                        matchStamp[k] = stamp
                        matchIndex[k] = Int32(n)
                    }
                }
            }
            // The position of each old child, by id.
            for (position, child) in oldChildren.enumerated() {
                let k = ov.canonical(child)
                orderStamp[k] = stamp
                orderIndex[k] = Int32(position)
            }
            func emitRemoved(upTo limit: Int) {
                for (position, child) in oldChildren.enumerated() where position < limit {
                    let k = ov.canonical(child)
                    if emittedStamp[k] == stamp || isMappedOld(k) { continue }
                    emittedStamp[k] = stamp
                    provisions.append(
                        ProvisionDiff(old: ov.ref(child), new: nil, segments: [wholeSegment(child, .delete, locator: oldLocator)]))
                }
            }
            for child in newChildren {
                let k = nv.canonical(child)
                if matchStamp[k] == stamp {
                    let c = compared[Int(matchIndex[k])]
                    let oldK = ov.canonical(c.oldNode)
                    emitRemoved(upTo: orderStamp[oldK] == stamp ? Int(orderIndex[oldK]) : 0)
                    emittedStamp[oldK] = stamp
                    provisions.append(
                        ProvisionDiff(
                            old: aligned.textPairs[c.index].oldRef, new: aligned.textPairs[c.index].newRef,
                            segments: segments(c, oldLocator: oldLocator, newLocator: newLocator)))
                } else {
                    provisions.append(
                        ProvisionDiff(old: nil, new: nv.ref(child), segments: [wholeSegment(child, .insert, locator: newLocator)]))
                }
            }
            emitRemoved(upTo: Int.max)
            // Old children of merged sections, or of removed sections, that were not aligned.
            for child in oldChildren {
                let k = ov.canonical(child)
                guard emittedStamp[k] != stamp && !isMappedOld(k) else { continue }
                emittedStamp[k] = stamp
                provisions.append(ProvisionDiff(old: ov.ref(child), new: nil, segments: [wholeSegment(child, .delete, locator: oldLocator)]))
            }
            let oldKey = row.old.isEmpty ? "add" : row.old[0].id.joined(separator: "-")
            let newKey = row.new.isEmpty ? "del" : row.new[0].id.joined(separator: "-")
            result.append(SectionDiff(anchor: "s-\(oldKey)-\(newKey)", row: row, provisions: provisions))
        }
        return result
    }

    /// A whole provision as one inserted or deleted segment.
    private func wholeSegment(_ node: Int, _ operation: DiffHunk.Operation, locator: CitationLocator) -> TextSegment {
        let v = operation == .insert ? aligned.new : aligned.old
        let runs = v.wholeRuns(node)
        let text = v.readerText(runs)
        let range = runs.isEmpty
            ? v.location(of: v.nodes[node].range)
            : locator.range(Int(v.tokens[runs[0].lowerBound].start), Int(v.tokens[runs[runs.count - 1].upperBound - 1].end))
        let citation = v.citation(node)
        return operation == .insert
            ? TextSegment(operation: .insert, old: nil, new: text, newRange: range, newCitation: citation, category: .wording)
            : TextSegment(operation: .delete, old: text, new: nil, oldRange: range, oldCitation: citation, category: .wording)
    }

    /// Where the tokens `hunk` of `tokens` stand on one side, and the citation of that place; an empty
    /// hunk (nothing on this side) is placed where its neighbours leave off. The reference of the provision
    /// on that side (`pairs[pair]`'s old or new one) is read field by field when needed (the fallback
    /// citation, the end of an empty provision), not copied, strings and all, for every hunk.
    private static func place(
        of hunk: Range<Int>, in tokens: TokenRun, locator: CitationLocator, pairs: [TextPair], pair: Int, old: Bool
    ) -> (LocatedRange, String) {
        if let a = hunk.first, let b = hunk.last {
            let start = tokens.offsets(a).lowerBound
            return (
                locator.range(start, tokens.offsets(b).upperBound),
                locator.citation(at: start, fallback: old ? pairs[pair].oldRef.citation : pairs[pair].newRef.citation)
            )
        }
        let at = hunk.lowerBound < tokens.count
            ? tokens.offsets(hunk.lowerBound).lowerBound
            : (tokens.count > 0
                ? tokens.offsets(tokens.count - 1).upperBound
                : (old ? pairs[pair].oldRef.range.end.offset : pairs[pair].newRef.range.end.offset))
        return (
            locator.range(at, at),
            locator.citation(at: max(0, at - 1), fallback: old ? pairs[pair].oldRef.citation : pairs[pair].newRef.citation)
        )
    }

    private func segments(_ c: Compared, oldLocator: CitationLocator, newLocator: CitationLocator) -> [TextSegment] {
        let ot = c.oldTokens, nt = c.newTokens
        if c.hunks.isEmpty {
            let oldText = ot.text(0..<ot.count)
            let newText = nt.text(0..<nt.count, equals: oldText) ? oldText : nt.text(0..<nt.count)
            return [TextSegment(operation: .equal, old: oldText, new: newText)]
        }
        var result: [TextSegment] = []
        result.reserveCapacity(c.hunks.count)
        let pairs = aligned.textPairs
        for (h, hunk) in c.hunks.enumerated() {
            let oldText = hunk.old.isEmpty ? nil : ot.text(hunk.old, withPrevious: true)
            if hunk.operation == .equal {
                // Unchanged words are mostly written the same: then the old string serves for both.
                let same = oldText.map { nt.text(hunk.new, withPrevious: true, equals: $0) } ?? false
                let newText = same ? oldText : (hunk.new.isEmpty ? nil : nt.text(hunk.new, withPrevious: true))
                result.append(TextSegment(operation: .equal, old: oldText, new: newText))
                continue
            }
            let newText = hunk.new.isEmpty ? nil : nt.text(hunk.new, withPrevious: true)
            let (oldRange, oldCitation) = Self.place(
                of: hunk.old, in: ot, locator: oldLocator, pairs: pairs, pair: c.index, old: true)
            let (newRange, newCitation) = Self.place(
                of: hunk.new, in: nt, locator: newLocator, pairs: pairs, pair: c.index, old: false)
            result.append(
                TextSegment(
                    operation: hunk.operation, old: oldText, new: newText, oldRange: oldRange, newRange: newRange,
                    oldCitation: oldCitation, newCitation: newCitation, category: c.category(h) ?? .wording))
        }
        return result
    }

    /// The text of consecutive tokens as a reader sees it: one space wherever the source had whitespace,
    /// including before the first token when `previous` (the token before the run) is separated from it.
    static func text(_ tokens: ArraySlice<Token>, previous: Token? = nil) -> String {
        var out = ""
        var last = previous
        for t in tokens {
            if let l = last, l.offsets.upperBound < t.offsets.lowerBound { out += " " }
            out += t.text
            last = t
        }
        return out
    }

    // MARK: Metadata and summaries

    static func metadataChanges(_ a: Metadata, _ b: Metadata) -> [MetadataChange] {
        var result: [MetadataChange] = []
        func add(_ field: String, _ x: String?, _ y: String?) {
            if x != y { result.append(MetadataChange(field: field, old: x, new: y)) }
        }
        add("title", a.title, b.title)
        add("documentType", a.documentType.rawValue, b.documentType.rawValue)
        add("legalBasisAct", a.legalBasisAct, b.legalBasisAct)
        add("ministry", a.ministry, b.ministry)
        add("signingDate", a.signingDate?.description, b.signingDate?.description)
        add("inForceDate", a.inForceDate?.description, b.inForceDate?.description)
        add("signers", a.signers.joined(separator: " / "), b.signers.joined(separator: " / "))
        add("repeals", a.repeals.map(\.text).joined(separator: "; "), b.repeals.map(\.text).joined(separator: "; "))
        return result
    }

    static func summary(_ p: ParsedDocument, _ v: FlatVersion) -> VersionSummary {
        let d = p.document
        var chapters = 0, sections = 0, subsections = 0
        let nodes = v.nodes
        for k in nodes.indices {
            switch nodes[k].kind {
            case .chapter: chapters += 1
            case .section: sections += 1
            case .subsection: subsections += 1
            default: break
            }
        }
        return VersionSummary(
            sourceName: d.sourceName, title: d.metadata.title, signingDate: d.metadata.signingDate,
            inForceDate: d.metadata.inForceDate, ministry: d.metadata.ministry, chapters: chapters,
            sections: sections, subsections: subsections)
    }
}
