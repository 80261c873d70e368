/// A search as a user writes it, read into the full-text index's query language.
///
/// - words: every word must occur (`tandpleje børn`);
/// - `"…"`: a phrase, the words in that order (`"vederlagsfri tandpleje"`);
/// - `word*`: any word starting so (`tandpleje*` finds tandplejen, tandplejetilbud);
/// - `OR` between two terms: either;
/// - `-word` (or `-"…"`): not this.
///
/// Words are folded as the index folds them (``TextFolding``), so case and accents do not matter and æ, ø, å are
/// letters of their own. What is written between words ("§", ".", "-") separates words, as in the index:
/// "1.420" is the phrase "1 420".
public struct SearchQuery: Sendable, Hashable {
    /// One term.
    public enum Term: Sendable, Hashable {
        /// A word, or the start of one.
        case word(String, prefix: Bool)
        /// Words in order.
        case phrase([String])
    }

    /// The query as written.
    public var text: String
    /// The terms, each with how it joins the one before: nil for the first, "AND", "OR" or "NOT".
    public var terms: [(op: String?, term: Term)]

    public static func == (a: SearchQuery, b: SearchQuery) -> Bool { a.text == b.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// Reads `text`; an error (``StoreError/badRequest(_:)``) when it has no word to look for.
    public init(_ text: String) throws(StoreError) {
        self.text = text
        var terms: [(op: String?, term: Term)] = []
        var pendingOr = false
        for raw in Self.split(text) {
            if raw.text == "OR", !raw.quoted {
                pendingOr = !terms.isEmpty
                continue
            }
            var body = raw.text
            var negated = false
            if !raw.quoted, body.hasPrefix("-") || raw.negated {
                negated = true
                if body.hasPrefix("-") { body.removeFirst() }
            } else if raw.negated {
                negated = true
            }
            var prefix = false
            if !raw.quoted, body.hasSuffix("*") {
                prefix = true
                while body.hasSuffix("*") { body.removeLast() }
            }
            let words = TextFolding.words(body).map(\.word)
            guard !words.isEmpty else { continue }
            let term: Term = words.count == 1 && !raw.quoted ? .word(words[0], prefix: prefix) : .phrase(words)
            let op: String? = terms.isEmpty ? nil : (negated ? "NOT" : (pendingOr ? "OR" : "AND"))
            if terms.isEmpty && negated {
                throw .badRequest("a search must start with a word to look for; -\(body) only excludes")
            }
            terms.append((op, term))
            pendingOr = false
        }
        guard !terms.isEmpty else {
            throw .badRequest("the query \"\(text)\" has no words to search for (write words, \"a phrase\" or a prefix*)")
        }
        self.terms = terms
    }

    /// The expression for SQLite's FTS5: every word quoted, so that nothing the user writes is read as syntax.
    public var expression: String {
        var out = ""
        for (op, term) in terms {
            if let op { out += " \(op) " }
            switch term {
            case .word(let word, let prefix): out += "\"\(word)\"" + (prefix ? "*" : "")
            case .phrase(let words): out += "\"" + words.joined(separator: " ") + "\""
            }
        }
        return out
    }

    /// The words (and prefixes) a hit is marked for: those of the terms that are not excluded.
    public var highlights: [(word: String, prefix: Bool)] {
        var result: [(word: String, prefix: Bool)] = []
        for (op, term) in terms where op != "NOT" {
            switch term {
            case .word(let word, let prefix): result.append((word, prefix))
            case .phrase(let words): result += words.map { ($0, false) }
            }
        }
        return result
    }

    /// What a hit's best place is chosen by: each term that is not excluded, a phrase as its words joined by
    /// spaces (so that a phrase counts where it occurs whole, not where its commonest word does).
    var anchors: [String] {
        terms.compactMap { op, term in
            guard op != "NOT" else { return nil }
            switch term {
            case .word(let word, _): return word
            case .phrase(let words): return words.joined(separator: " ")
            }
        }
    }

    /// The pieces of `text`: quoted phrases and whitespace-separated words.
    private static func split(_ text: String) -> [(text: String, quoted: Bool, negated: Bool)] {
        var result: [(text: String, quoted: Bool, negated: Bool)] = []
        var current = ""
        var quoted = false
        var negated = false
        for ch in text {
            if ch == "\"" || ch == "“" || ch == "”" || ch == "»" || ch == "«" {
                if quoted {
                    result.append((current, true, negated))
                    current = ""
                    quoted = false
                    negated = false
                } else {
                    if current == "-" {
                        negated = true
                    } else if !current.isEmpty {
                        result.append((current, false, false))
                    }
                    current = ""
                    quoted = true
                }
            } else if ch.isWhitespace && !quoted {
                if !current.isEmpty { result.append((current, false, false)) }
                current = ""
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { result.append((current, quoted, negated)) }
        return result
    }
}
