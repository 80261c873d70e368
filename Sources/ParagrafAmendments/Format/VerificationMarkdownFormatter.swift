import Foundation
import Paragraf

/// Renders a ``Verification`` as Markdown (`paragraf verify --format markdown`): a summary, the instructions,
/// the §§ that differ, the changes by explanation in a table, the consolidation's statements.
public struct VerificationMarkdownFormatter: Sendable {
    /// Creates a formatter.
    public init() {}

    /// The report, ending with a line feed.
    public func format(_ v: Verification) -> String {
        var out = "# Verification of \(escape(v.consolidated))\n\n"
        out += "- Base: \(escape(v.base))\n- Amending act: \(escape(v.amendingAct)) (\(escape(v.target)))\n"
        out += "- Result: **\(escape(VerificationTextFormatter.result(v)))**\n\n"
        out += "## Instructions\n\n| # | status | operation | changes |\n|---|---|---|---|\n"
        for outcome in v.instructions {
            let number = outcome.instruction.number.isEmpty ? "–" : outcome.instruction.number
            if outcome.operations.isEmpty {
                out += "| \(number) | \(outcome.status.rawValue) | \(escape(NewText.excerpt(outcome.instruction.text, limit: 120))) | |\n"
            }
            for (k, operation) in outcome.operations.enumerated() {
                let changes =
                    operation.status == .failed
                    ? (operation.message ?? "failed") : operation.changes.map(\.description).joined(separator: "; ")
                out +=
                    "| \(k == 0 ? number : "") | \(operation.status.rawValue) | \(escape(operation.operation.summary)) | \(escape(changes)) |\n"
            }
        }
        let p = v.provisions
        out += "\n## Provisions\n\n\(p.count) §§ compared: \(p.filter { $0.status == .agree }.count) agree"
        let notes = p.filter { $0.status == .agreesWithNote }.count
        if notes > 0 { out += ", \(notes) agree with a note of the consolidation" }
        out += ", \(v.disagreements.count) disagree.\n"
        for d in v.disagreements {
            out += "\n### \(escape(d.citation)): \(VerificationTextFormatter.status(d.status))\n\n"
            for difference in d.differences {
                out += "- \(escape(difference.citation)): \(escape(difference.excerpt))\n"
                out += "  - applied: \(difference.old.map { "“\(escape($0))”" } ?? "—")\n"
                out += "  - consolidated: \(difference.new.map { "“\(escape($0))”" } ?? "—")\n"
            }
        }
        out += "\n## Changes between base and consolidation\n\n| change | level | status | explained by | detail |\n|---|---|---|---|---|\n"
        for c in v.changes {
            let by = c.explanation == .instruction ? "instruction " + c.instructions.joined(separator: ", ") : c.explanation.rawValue
            out += "| \(escape(c.arrow)) | \(c.level) | \(c.status) | \(escape(by)) | \(escape(c.detail ?? "")) |\n"
        }
        if !v.statements.isEmpty {
            out += "\n## What the consolidation says\n\n"
            for s in v.statements { out += "- \(s.status.rawValue): \(escape(s.claim))\n" }
        }
        if !v.notCompared.isEmpty {
            out += "\n## Not compared\n\n" + v.notCompared.map { "- \(escape($0))\n" }.joined()
        }
        return out
    }

    /// Text safe in a table cell: "|" escaped, line breaks as spaces.
    func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
