import Paragraf

/// Renders a ``Verification`` for the terminal (what `paragraf verify` prints): the instructions and how they
/// were applied, the §§ compared, the changes between base and consolidation grouped by what explains them,
/// what the consolidation says about itself, what was not compared, and the result. Every disagreement and
/// every unexplained change is shown with both texts.
public struct VerificationTextFormatter: Sendable {
    /// Creates a formatter.
    public init() {}

    /// The report, ending with a line feed.
    public func format(_ v: Verification) -> String {
        var out = "Verify \(v.consolidated) against \(v.base) + \(v.amendingAct)\n(\(v.target))\n"
        out += instructions(v)
        out += provisions(v)
        out += changes(v)
        if !v.statements.isEmpty {
            out += "\nThe consolidation says:\n"
            for s in v.statements {
                let status = s.status == .holds ? "holds " : s.status == .fails ? "FAILS " : "not stated"
                out += "  \(status.padding(10)) \(s.claim)\n"
                if s.status != .holds { out += "             \(NewText.excerpt(s.detail, limit: 200))\n" }
            }
        }
        if !v.notCompared.isEmpty {
            out += "\nNot compared:\n" + v.notCompared.map { "  \($0)\n" }.joined()
        }
        out += "\nResult: " + Self.result(v) + "\n"
        return out
    }

    /// "the consolidation agrees with …" or what does not.
    static func result(_ v: Verification) -> String {
        if v.agrees { return "the consolidation agrees with the base and the instructions." }
        var what: [String] = []
        if !v.failedInstructions.isEmpty { what.append("\(v.failedInstructions.count) instructions not applied") }
        if !v.disagreements.isEmpty { what.append("\(v.disagreements.count) provisions differ") }
        if !v.unexplained.isEmpty { what.append("\(v.unexplained.count) changes unexplained") }
        if !v.failedStatements.isEmpty { what.append("\(v.failedStatements.count) statements fail") }
        return "DISAGREES: " + what.joined(separator: ", ") + "."
    }

    func instructions(_ v: Verification) -> String {
        let applied = v.instructions.filter { $0.status == .applied }.count
        var out = "\nInstructions: \(applied) of \(v.instructions.count) applied\n"
        for outcome in v.instructions { out += ApplyReportFormatter.lines(outcome) }
        return out
    }

    func provisions(_ v: Verification) -> String {
        let p = v.provisions
        func count(_ s: ProvisionComparison.Status) -> Int { p.filter { $0.status == s }.count }
        var out = "\nProvisions: \(p.count) §§ compared: \(count(.agree)) agree"
        if count(.agreesWithNote) > 0 { out += ", \(count(.agreesWithNote)) agree with a note of the consolidation" }
        out +=
            ", \(count(.differ)) differ, \(count(.onlyApplied)) only in the applied act, \(count(.onlyConsolidated)) only in the consolidation\n"
        if !v.chapters.isEmpty {
            let agree = v.chapters.filter { $0.status.agrees }.count
            out += "Chapters: \(v.chapters.count) compared, \(agree) agree\n"
        }
        for d in v.disagreements {
            out += "  \(d.citation): \(Self.status(d.status))"
            if !d.instructions.isEmpty { out += " (changed by instruction \(d.instructions.joined(separator: ", ")))" }
            out += "\n"
            for difference in d.differences { out += Self.lines(difference, indent: "    ") }
        }
        return out
    }

    static func status(_ s: ProvisionComparison.Status) -> String {
        switch s {
        case .agree: "agrees"
        case .agreesWithNote: "agrees with a note"
        case .differ: "DIFFERS"
        case .onlyApplied: "MISSING from the consolidation"
        case .onlyConsolidated: "ONLY in the consolidation"
        }
    }

    /// A difference: where, the words, and both texts.
    static func lines(_ d: TextDifference, indent: String) -> String {
        var out = "\(indent)\(d.citation): \(d.excerpt)\n"
        out += "\(indent)  applied:      \(d.old.map { "“\(NewText.excerpt($0, limit: 240))”" } ?? "—")\n"
        out += "\(indent)  consolidated: \(d.new.map { "“\(NewText.excerpt($0, limit: 240))”" } ?? "—")\n"
        return out
    }

    func changes(_ v: Verification) -> String {
        let c = v.changes
        let unexplained = c.filter { $0.explanation == .unexplained }
        var out = "\nChanges between \(v.base) and \(v.consolidated): \(c.count)"
        out += unexplained.isEmpty ? ", all explained\n" : ", \(unexplained.count) UNEXPLAINED\n"
        var numbers: [String] = []
        for change in c where change.explanation == .instruction {
            for n in change.instructions where !numbers.contains(n) { numbers.append(n) }
        }
        for n in numbers {
            let mine = c.filter { $0.explanation == .instruction && $0.instructions.first == n }
            guard !mine.isEmpty else { continue }
            out += "  instruction \(n): " + mine.map { "\($0.arrow) (\($0.level) \($0.status))" }.joined(separator: "; ") + "\n"
        }
        let groups: [(ExplainedChange.Explanation, String)] = [
            (.consolidation, "the consolidation's own metadata"), (.partialSource, "a part one source does not hold"),
            (.notes, "kept as a note by one source"), (.sameText, "the same text, read differently"),
        ]
        for (explanation, title) in groups {
            let mine = c.filter { $0.explanation == explanation }
            guard !mine.isEmpty else { continue }
            out += "  \(title): \(mine.count)\n"
            for change in mine.prefix(8) {
                out +=
                    "    \(change.arrow) (\(change.level) \(change.status))"
                    + (change.detail.map { ": \(NewText.excerpt($0, limit: 160))" } ?? "") + "\n"
            }
            if mine.count > 8 { out += "    … and \(mine.count - 8) more\n" }
        }
        for change in unexplained {
            out += "  UNEXPLAINED \(change.arrow) (\(change.level) \(change.status))\n"
            if let detail = change.detail { out += "    \(detail)\n" }
        }
        return out
    }
}

extension String {
    /// Padded with spaces to `width` characters.
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
