import Paragraf

/// What each verb of an instruction takes.
extension InstructionGrammar {
    /// "ændres »X« til: »Y«" (also "»X« ændres til: »Y«", "ændres »X« to steder til: »Y«", and further
    /// ", og »Z« til: »W«" pairs).
    mutating func replaceWords(_ c: inout Clause) -> Bool {
        let scope = wordScope(c)
        var occurrences = c.occurrences ?? occurrencesPhrase()
        guard let old = c.subjectQuote ?? quote() else { return false }
        occurrences = occurrences ?? occurrencesPhrase()
        guard accept("til") else { return false }
        _ = acceptSign(":")
        guard let new = quote() else { return false }
        occurrences = occurrences ?? occurrencesPhrase()
        let standard: Occurrences = scope.wholeAct || c.wholeAct ? .all : .once
        emit(.replaceWords(WordChange(scope: scope, old: old.text, new: new.text, occurrences: occurrences ?? standard)), from: c.start)
        lastScope = scope
        // ", og »Z« til: »W«": another pair in the same place.
        while sign(p, ","), word(p + 1, "og"), isQuote(p + 2), word(p + 3, "til") {
            let start = p + 2
            p += 4
            _ = acceptSign(":")
            guard let next = quote() else { return true }
            emit(.replaceWords(WordChange(scope: scope, old: tokens[start].text, new: next.text, occurrences: standard)), from: start)
        }
        return true
    }

    /// "indsættes efter »X«: »Y«", "Efter § 53 indsættes: »…«", "indsættes efter stk. 2 som nyt stykke: »…«",
    /// "indsættes som stk. 7: »…«", "som 2. pkt. indsættes: »…«".
    mutating func insert(_ c: inout Clause) -> Bool {
        if c.anchor == nil, word(p, "efter") || word(p, "før"), isQuote(p + 1) {
            c.anchor = WordAnchor(side: word(p, "efter") ? .after : .before, words: tokens[p + 1].text)
            p += 2
        }
        if let anchor = c.anchor {
            _ = acceptSign(":")
            guard let new = quote() else { return missingText(c) }
            let scope = wordScope(c)
            emit(.insertWords(WordChange(scope: scope, new: new.text, anchor: anchor, occurrences: c.occurrences ?? .once)), from: c.start)
            lastScope = scope
            return true
        }
        let base = c.location ?? c.subject ?? context
        if c.position == nil, word(p, "efter") || word(p, "før"), let (list, end) = addressList(at: p + 1, relativeTo: base) {
            c.position = (word(p, "efter") ? .after : .before, list)
            p = end
        }
        // "i kapitel 11" / "i § 5" naming where the new text goes: the place, when there is none yet.
        if word(p, "i"), let (list, end) = addressList(at: p + 1, relativeTo: base) {
            if c.location == nil { c.location = list }
            p = end
        }
        var level: TargetAddress.Level?
        if accept("som") {
            _ = accept("nyt") || accept("nye") || accept("ny")
            if let (list, end) = addressList(at: p, relativeTo: c.location ?? c.subject ?? context) {
                c.at = list
                p = end
            } else if p < tokens.count, let l = Self.levelWords[tokens[p].text] {
                level = l
                p += 1
            } else {
                return false
            }
        }
        _ = acceptSign(":")
        guard let quoted = quote() else { return missingText(c) }
        let insertion: Insertion
        if let (side, list) = c.position, let reference = list.first {
            let content = readNewText(quoted, level: reference.last?.level ?? .section)
            insertion = Insertion(position: side, reference: reference, content: content)
        } else if let reference = c.at?.first {
            let content = readNewText(quoted, level: reference.last?.level ?? .section)
            insertion = Insertion(position: .at, reference: reference, content: content)
        } else if let container = c.location?.first ?? c.subject?.first ?? context?.first {
            // "I § 5 indsættes som nyt stykke:" / "I § 5 indsættes:": at the number the new text gives.
            let guessed = level ?? Self.childLevel(of: container)
            let content = readNewText(quoted, level: guessed)
            let number = content.provisions.first?.number ?? ""
            let parent = TargetAddress(container.steps.filter { $0.level < guessed })
            insertion = Insertion(position: .at, reference: parent.appending(.init(guessed, number)), content: content)
        } else {
            return false
        }
        emit(.insert(insertion), from: c.start)
        return true
    }

    /// What a repeal or a rewrite acts on: the clause's subject; else the addresses right after the verb ("I § 5
    /// ophæves stk. 2."), which become its subject; else its location.
    private mutating func verbTargets(_ c: inout Clause) -> [TargetAddress] {
        var targets = c.subject ?? []
        if targets.isEmpty, let (list, end) = addressList(at: p, relativeTo: c.location ?? context) {
            targets = list
            p = end
            c.subject = list
        }
        if targets.isEmpty, let location = c.location { targets = location }
        return targets
    }

    /// "§ 7 ophæves.", "§ 43, stk. 3-5, ophæves, og i stedet indsættes: »…«", "I § 5 ophæves stk. 2."
    mutating func repeal(_ c: inout Clause) -> Bool {
        let targets = verbTargets(&c)
        guard !targets.isEmpty else { return false }
        var replacement: NewText?
        if sign(p, ","), word(p + 1, "og"), word(p + 2, "i"), word(p + 3, "stedet"), word(p + 4, "indsættes") {
            p += 5
            _ = acceptSign(":")
            guard let quoted = quote() else { return missingText(c) }
            replacement = readNewText(quoted, level: targets[0].last?.level ?? .section)
        }
        emit(.repeal(Repeal(targets: targets, replacement: replacement)), from: c.start)
        return true
    }

    /// "§ 7 affattes således: »…«", "Overskriften til kapitel 3 affattes således: »…«".
    mutating func rewrite(_ c: inout Clause) -> Bool {
        let targets = verbTargets(&c)
        guard let target = targets.first else { return false }
        _ = accept("således")
        _ = acceptSign(":")
        guard let quoted = quote() else { return missingText(c) }
        if c.heading {
            let content = NewText(text: quoted.text, range: range(of: quoted), form: .heading)
            emit(.rewrite(Rewrite(target: target, heading: true, content: content)), from: c.start)
        } else if targets.count == 1 {
            emit(.rewrite(Rewrite(target: target, content: readNewText(quoted, level: target.last?.level ?? .section))), from: c.start)
        } else {
            // "§§ 5 og 6 affattes således:" rewrites several: they go, the quotation takes their place.
            let content = readNewText(quoted, level: target.last?.level ?? .section)
            emit(.repeal(Repeal(targets: targets, replacement: content)), from: c.start)
        }
        return true
    }

    /// "I § 5 udgår »X«", "»X« udgår", "I § 5, stk. 2, udgår 2. pkt."
    mutating func delete(_ c: inout Clause) -> Bool {
        let occurrences = c.occurrences ?? occurrencesPhrase()
        if let old = c.subjectQuote ?? quote() {
            let scope = wordScope(c)
            let standard: Occurrences = scope.wholeAct ? .all : .once
            emit(
                .deleteWords(WordChange(scope: scope, old: old.text, occurrences: occurrences ?? occurrencesPhrase() ?? standard)),
                from: c.start)
            lastScope = scope
            return true
        }
        return repeal(&c)
    }

    /// "Stk. 3-6 bliver herefter stk. 4-7.", "Nr. 3 og 4 bliver herefter nr. 4 og 5."
    mutating func renumber(_ c: inout Clause) -> Bool {
        guard let from = c.subject, let first = from.first?.last else { return false }
        _ = accept("herefter")
        guard let (to, end) = addressList(at: p, relativeTo: from), let last = to.first?.last, last.level == first.level else {
            return false
        }
        p = end
        let container = TargetAddress(from[0].steps.dropLast())
        let renumbering = Renumbering(
            container: container, level: first.level, from: from.compactMap(\.last?.number), to: to.compactMap(\.last?.number))
        emit(.renumber(renumbering), from: c.start)
        // The renumbering is not the place of the next clause: keep the instruction's.
        c.subject = nil
        c.location = context
        return true
    }

    /// An instruction that should bring new text but has none: a diagnostic, and the clause is unread.
    mutating func missingText(_ c: Clause) -> Bool {
        let (text, range) = clauseText(c.start)
        diagnostics.append(
            AmendmentDiagnosticCode.missingNewText.make(
                "instruction \(label) inserts or rewrites but no quoted text follows “\(Self.excerpt(text))”", range))
        return false
    }

    /// "stykke" → subsection, "nummer" → item, "punktum" → sentence, …
    static let levelWords: [String: TargetAddress.Level] = [
        "stykke": .subsection, "stykker": .subsection, "stk": .subsection, "nummer": .item, "numre": .item,
        "punktum": .sentence, "punktummer": .sentence, "litra": .litra, "litraer": .litra, "paragraf": .section,
        "paragraffer": .section, "kapitel": .chapter, "kapitler": .chapter, "bilag": .annex,
    ]

    /// The level of the provisions directly inside `address`'s last step.
    static func childLevel(of address: TargetAddress) -> TargetAddress.Level {
        switch address.last?.level {
        case nil, .chapter?: .section
        case .section?: .subsection
        case .subsection?: .item
        case .item?: .litra
        case .litra?, .sentence?: .sentence
        case .annex?: .sentence
        }
    }

    /// Reads a quotation as new provisions of `level`.
    mutating func readNewText(_ token: InstructionToken, level: TargetAddress.Level) -> NewText {
        let (text, problems) = NewTextReader.read(token.text, level: level, range: range(of: token))
        for problem in problems {
            diagnostics.append(AmendmentDiagnosticCode.unexpectedNewText.make("instruction \(label): \(problem)", range(of: token)))
        }
        return text
    }
}
