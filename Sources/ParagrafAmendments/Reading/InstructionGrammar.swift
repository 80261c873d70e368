import Paragraf

/// Reads one instruction's text into typed operations.
///
/// The text is read clause by clause: an optional place ("I § 66,", "Efter § 53", "Overalt i loven", a subject
/// "§ 43, stk. 3-5," or »words«), a verb (ændres, indsættes, ophæves, affattes, udgår, bliver herefter) and what
/// the verb takes (quotations, "som nyt stykke", "til:"). Clauses are joined by ", og" and sentence ends; a
/// clause with no place takes the place of the clause before it. A clause that fits no form is kept as unread
/// text with a diagnostic, and reading goes on at the next sentence.
struct InstructionGrammar {
    let raw: RawText
    let source: SourceText
    let tokens: [InstructionToken]
    /// "1" or "§ 1" (for messages).
    let label: String
    var p = 0
    var operations: [AmendmentOperation] = []
    var diagnostics: [Diagnostic] = []
    /// The addresses of the last clause: the place of a clause without one, and the container of renumberings.
    var context: [TargetAddress]?
    /// The scope of the last word change ("…, og »883 kr.« ændres til: …" shares it).
    var lastScope: WordScope?
    /// Token ranges of clauses that were not read.
    var unread: [Range<Int>] = []

    /// At most this many operations are read from one instruction.
    static let maxOperations = 1_000

    /// Reads `text`, the instruction numbered `number` ("" for a §'s single unnumbered instruction).
    static func read(number: String, text: RawText, source: SourceText, section: String) -> Instruction {
        let (tokens, problems) = InstructionTokenizer.tokenize(text.bytes)
        let label = number.isEmpty ? "§ \(section)" : "\(number) in § \(section)"
        var g = InstructionGrammar(raw: text, source: source, tokens: tokens, label: label)
        for problem in problems {
            switch problem {
            case .unclosed(let at):
                g.diagnostics.append(
                    AmendmentDiagnosticCode.unbalancedQuote.make(
                        "» is never closed; the quotation is read to the end of instruction \(label)",
                        text.sourceRange(at..<(at + 2), in: source)))
            case .strayClose(let at):
                g.diagnostics.append(
                    AmendmentDiagnosticCode.strayClosingQuote.make(
                        "« without an opening » in instruction \(label); ignored", text.sourceRange(at..<(at + 2), in: source)))
            }
        }
        g.readClauses()
        let status: Instruction.Status =
            g.operations.isEmpty ? .unread : g.unread.isEmpty ? .read : .partlyRead
        if status == .unread && g.unread.isEmpty {
            g.unread.append(0..<tokens.count)
        }
        for range in g.unread {
            let bytes = g.byteRange(range)
            let what = Self.excerpt(text.text(bytes))
            let code = status == .unread ? AmendmentDiagnosticCode.unreadInstruction : AmendmentDiagnosticCode.unreadClause
            let message =
                status == .unread
                ? "instruction \(label) could not be read: “\(what)”" : "part of instruction \(label) could not be read: “\(what)”"
            g.diagnostics.append(code.make(message, text.sourceRange(bytes, in: source)))
        }
        return Instruction(
            number: number, text: text.text(0..<text.bytes.count), range: text.wholeRange(in: source),
            operations: g.operations, status: status, diagnostics: g.diagnostics)
    }

    static func excerpt(_ text: String) -> String { NewText.excerpt(text, limit: 80) }

    /// The bytes of a token range.
    func byteRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty, range.lowerBound < tokens.count else {
            let end = tokens.last?.range.upperBound ?? 0
            return end..<end
        }
        return tokens[range.lowerBound].range.lowerBound..<tokens[min(range.upperBound, tokens.count) - 1].range.upperBound
    }

    // MARK: Tokens

    func word(_ j: Int, _ w: String) -> Bool { j < tokens.count && tokens[j].isWord(w) }
    func sign(_ j: Int, _ s: String) -> Bool { j < tokens.count && tokens[j].isSign(s) }
    func isQuote(_ j: Int) -> Bool { j < tokens.count && tokens[j].kind == .quote }

    mutating func accept(_ w: String) -> Bool {
        guard word(p, w) else { return false }
        p += 1
        return true
    }

    mutating func acceptSign(_ s: String) -> Bool {
        guard sign(p, s) else { return false }
        p += 1
        return true
    }

    /// The quotation at `p`, consumed.
    mutating func quote() -> InstructionToken? {
        guard isQuote(p) else { return nil }
        p += 1
        return tokens[p - 1]
    }

    static let actWords: Set<String> = [
        "loven", "bekendtgørelsen", "lovbekendtgørelsen", "cirkulæret", "regulativet", "anordningen", "vejledningen",
        "forskriften", "reglementet",
    ]
    static let verbs: Set<String> = ["ændres", "indsættes", "ophæves", "affattes", "udgår", "bliver"]

    // MARK: Clauses

    mutating func readClauses() {
        while p < tokens.count {
            if sign(p, ",") || sign(p, ".") || sign(p, ";") || word(p, "og") || word(p, "samt") || word(p, "endvidere") {
                p += 1
                continue
            }
            guard operations.count < Self.maxOperations else {
                diagnostics.append(
                    AmendmentDiagnosticCode.limit.make(
                        "instruction \(label) has more than \(Self.maxOperations) operations; the rest is not read",
                        raw.sourceRange(byteRange(p..<tokens.count), in: source)))
                return
            }
            let start = p
            var clause = Clause(start: start)
            if !readClause(&clause) {
                p = recoveryPoint(after: start)
                unread.append(start..<p)
            }
        }
    }

    /// Where reading resumes after an unread clause: after a sentence end or a quotation followed by a
    /// capitalized word, or the end.
    func recoveryPoint(after start: Int) -> Int {
        var j = start + 1
        while j < tokens.count {
            let endsSentence = sign(j - 1, ".") || (isQuote(j - 1) && !word(j, "til"))
            if endsSentence, tokens[j].capitalized { return j }
            j += 1
        }
        return tokens.count
    }

    /// What the words before the verb said.
    struct Clause {
        var start: Int
        var wholeAct = false
        /// "I § 5, stk. 2,".
        var location: [TargetAddress]?
        /// "§ 7" in "§ 7 ophæves".
        var subject: [TargetAddress]?
        /// "Efter § 53" / "Før § 1".
        var position: (Insertion.Position, [TargetAddress])?
        /// "som 2. pkt." before "indsættes".
        var at: [TargetAddress]?
        /// "efter »X«" before "indsættes".
        var anchor: WordAnchor?
        /// »X« before "ændres"/"udgår".
        var subjectQuote: InstructionToken?
        var heading = false
        var occurrences: Occurrences?

        /// The provisions the clause is about, in order of precedence.
        var place: [TargetAddress]? { subject ?? location }
    }

    mutating func readClause(_ c: inout Clause) -> Bool {
        readPlace(&c)
        if c.occurrences == nil { c.occurrences = occurrencesPhrase() }
        guard p < tokens.count, tokens[p].kind == .word else { return false }
        let verb = tokens[p].text
        p += 1
        let ok: Bool
        switch verb {
        case "ændres": ok = replaceWords(&c)
        case "indsættes": ok = insert(&c)
        case "ophæves": ok = repeal(&c)
        case "affattes": ok = rewrite(&c)
        case "udgår": ok = delete(&c)
        case "bliver": ok = renumber(&c)
        default: ok = false
        }
        if ok, let place = c.place ?? c.position?.1 ?? c.at { context = place }
        return ok
    }

    /// The words before the verb.
    mutating func readPlace(_ c: inout Clause) {
        let base = context
        if accept("overalt") {
            _ = accept("i")
            _ = accept("hele")
            if p < tokens.count, Self.actWords.contains(tokens[p].text) { p += 1 }
            c.wholeAct = true
        } else if word(p, "i"), p + 1 < tokens.count, Self.actWords.contains(tokens[p + 1].text) {
            p += 2
            c.wholeAct = true
        } else if word(p, "i"), word(p + 1, "hele"), p + 2 < tokens.count, Self.actWords.contains(tokens[p + 2].text) {
            p += 3
            c.wholeAct = true
        } else if word(p, "i"), let (list, end) = addressList(at: p + 1, relativeTo: base) {
            c.location = list
            p = end
            _ = acceptSign(",")
        } else if word(p, "efter") || word(p, "før") {
            let side: WordAnchor.Side = word(p, "efter") ? .after : .before
            if isQuote(p + 1) {
                c.anchor = WordAnchor(side: side, words: tokens[p + 1].text)
                p += 2
            } else if let (list, end) = addressList(at: p + 1, relativeTo: base) {
                c.position = (side == .after ? .after : .before, list)
                p = end
            }
        } else if word(p, "som"),
            let (list, end) = addressList(at: p + 1 + (word(p + 1, "nyt") || word(p + 1, "nye") ? 1 : 0), relativeTo: base)
        {
            c.at = list
            p = end
        }
        if word(p, "i"), word(p + 1, "overskriften") || word(p + 1, "kapiteloverskriften") { p += 1 }
        if accept("overskriften") || accept("kapiteloverskriften") {
            c.heading = true
            _ = accept("til") || accept("før") || accept("over") || accept("i")
            if let (list, end) = addressList(at: p, relativeTo: base) {
                c.subject = list
                p = end
            }
            _ = acceptSign(",")
        } else if c.location == nil, c.position == nil, c.at == nil, c.anchor == nil,
            let (list, end) = addressList(at: p, relativeTo: base)
        {
            c.subject = list
            p = end
            _ = acceptSign(",")
        }
        if c.subject == nil, isQuote(p), p + 1 < tokens.count, Self.verbs.contains(tokens[p + 1].text) {
            c.subjectQuote = tokens[p]
            p += 1
        }
    }

    /// "overalt", "alle steder", "to steder", "begge steder", "første sted", "sidste sted".
    mutating func occurrencesPhrase() -> Occurrences? {
        if accept("overalt") { return .all }
        guard p + 1 < tokens.count, tokens[p + 1].kind == .word else { return nil }
        let next = tokens[p + 1].text
        if next == "steder" {
            let counts = ["to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10, "begge": 2]
            if word(p, "alle") {
                p += 2
                return .all
            }
            if tokens[p].kind == .word, let n = counts[tokens[p].text] {
                p += 2
                return Occurrences(count: n)
            }
            if tokens[p].kind == .number, let n = Int(tokens[p].text) {
                p += 2
                return Occurrences(count: n)
            }
        } else if next == "sted" {
            let ordinals = ["første": 1, "andet": 2, "anden": 2, "tredje": 3, "fjerde": 4, "femte": 5, "sidste": -1]
            if tokens[p].kind == .word, let n = ordinals[tokens[p].text] {
                p += 2
                return Occurrences(count: 1, nth: n)
            }
        }
        return nil
    }

    /// The scope of a word change.
    func wordScope(_ c: Clause) -> WordScope {
        if c.wholeAct { return WordScope(targets: c.place ?? [], wholeAct: c.place == nil) }
        if let place = c.place { return WordScope(targets: place) }
        if let lastScope { return lastScope }
        return WordScope(targets: context ?? [])
    }

    /// The text and range of the clause from `start` to the current token.
    func clauseText(_ start: Int) -> (String, SourceRange) {
        let bytes = byteRange(start..<p)
        return (raw.text(bytes), raw.sourceRange(bytes, in: source))
    }

    mutating func emit(_ action: AmendmentOperation.Action, from start: Int) {
        let (text, range) = clauseText(start)
        operations.append(AmendmentOperation(action: action, text: text, range: range))
    }

    /// The source range of a quotation token.
    func range(of token: InstructionToken) -> SourceRange { raw.sourceRange(token.range, in: source) }
}
