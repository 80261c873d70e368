import Paragraf

/// Renders how each instruction was applied, one operation a line with the provisions it changed; a failed
/// operation with its reason and both texts (what `paragraf apply` prints on standard error):
///
/// ```
/// § 1 of LOV nr. 1547 af 12. december 2023 (lov om hold af dyr): 2 of 2 instructions applied
///   1. applied  insert after § 53: § 53 a (3 stk.)
///               → § 53 a (inserted)
///   2. applied  insert after § 66, stk. 2: stk. 3
///               → § 66, stk. 3 (inserted)
///               renumber § 66, stk. 3-6 → stk. 4-7
///               → § 66, stk. 3 → § 66, stk. 4 (renumbered); …
/// ```
public struct ApplyReportFormatter: Sendable {
    /// Creates a formatter.
    public init() {}

    /// The report, ending with a line feed.
    public func format(_ applied: AppliedAct, act: AmendingAct) -> String {
        let outcomes = applied.outcomes
        let done = outcomes.filter { $0.status == .applied }.count
        var out = "§ \(applied.amendment.section) of \(act.designation) (\(applied.amendment.actName)): "
        out += "\(done) of \(outcomes.count) \(outcomes.count == 1 ? "instruction" : "instructions") applied\n"
        for outcome in outcomes { out += Self.lines(outcome) }
        return out
    }

    /// The lines of one instruction.
    static func lines(_ outcome: InstructionOutcome) -> String {
        let number = outcome.instruction.number.isEmpty ? "–" : outcome.instruction.number + "."
        let status: String
        switch outcome.status {
        case .applied: status = "applied"
        case .partlyApplied: status = "PARTLY"
        case .failed: status = "FAILED"
        case .unread: status = "UNREAD"
        }
        let lead = "  \(number) \(status)"
        let indent = String(repeating: " ", count: lead.count + 2)
        var out = ""
        if outcome.operations.isEmpty {
            out += lead + "  “\(NewText.excerpt(outcome.instruction.text, limit: 120))”\n"
        }
        for (k, operation) in outcome.operations.enumerated() {
            out += (k == 0 ? lead + "  " : indent) + operation.operation.summary + "\n"
            if operation.status == .failed {
                out += indent + "not applied: " + (operation.message ?? "failed") + "\n"
                out += indent + "instruction: “\(NewText.excerpt(operation.operation.text, limit: 160))”\n"
                if let found = operation.found {
                    out += indent + "the act has: “\(NewText.excerpt(found, limit: 400))”\n"
                }
            } else if !operation.changes.isEmpty {
                let changes = operation.changes.map(\.description)
                let shown =
                    changes.count > 6
                    ? changes.prefix(5).joined(separator: "; ") + "; … (\(changes.count) in all)" : changes.joined(separator: "; ")
                out += indent + "→ " + shown + "\n"
            }
            for diagnostic in operation.diagnostics where diagnostic.severity != .error {
                out += indent + "note: " + diagnostic.message + "\n"
            }
        }
        for diagnostic in outcome.diagnostics {
            out += indent + (diagnostic.severity == .error ? "" : "note: ") + diagnostic.message + "\n"
        }
        return out
    }
}
