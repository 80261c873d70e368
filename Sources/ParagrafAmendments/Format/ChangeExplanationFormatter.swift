import Foundation
import Paragraf

/// Renders ``ChangeExplanations`` as text, Markdown or an HTML section.
public struct ChangeExplanationFormatter: Sendable {
    /// Creates a formatter.
    public init() {}

    /// Text: one line a change with the instruction behind it, then the instructions' texts.
    public func text(_ e: ChangeExplanations) -> String {
        var out = "\nInstructions behind the changes (\(e.amendingAct): \(e.target))\n"
        for change in e.changes { out += "  " + line(change) + "\n" }
        if e.changes.isEmpty { out += "  (no changes)\n" }
        out += "\nThe instructions\n"
        for outcome in e.instructions {
            let number = outcome.instruction.number.isEmpty ? "–" : outcome.instruction.number + "."
            let status = outcome.status == .applied ? "" : " [\(outcome.status.rawValue) to the old version]"
            out += "  \(number) \(NewText.excerpt(outcome.instruction.text, limit: 160))\(status)\n"
        }
        return out
    }

    /// "— → § 53 a (section added): instruction 1", "kapitel 1 (chapter modified): partial source — …".
    func line(_ c: ExplainedChange) -> String {
        let what = "\(c.arrow) (\(c.level) \(c.status))"
        switch c.explanation {
        case .instruction: return "\(what): instruction \(c.instructions.joined(separator: ", "))"
        case .unexplained: return "\(what): UNEXPLAINED — \(c.detail ?? "")"
        default: return "\(what): \(Self.name(c.explanation))" + (c.detail.map { " — \(NewText.excerpt($0, limit: 160))" } ?? "")
        }
    }

    static func name(_ e: ExplainedChange.Explanation) -> String {
        switch e {
        case .instruction: "instruction"
        case .consolidation: "the new version's own metadata"
        case .partialSource: "partial source"
        case .notes: "kept as a note"
        case .sameText: "same text"
        case .unexplained: "unexplained"
        }
    }

    /// Markdown: a table of the changes and a list of the instructions.
    public func markdown(_ e: ChangeExplanations) -> String {
        let md = VerificationMarkdownFormatter()
        var out = "\n## Instructions behind the changes\n\n\(md.escape(e.amendingAct)): \(md.escape(e.target))\n\n"
        out += "| change | level | status | explained by |\n|---|---|---|---|\n"
        for c in e.changes {
            let by =
                c.explanation == .instruction
                ? "instruction " + c.instructions.joined(separator: ", ") : Self.name(c.explanation) + (c.detail.map { ": " + $0 } ?? "")
            out += "| \(md.escape(c.arrow)) | \(c.level) | \(c.status) | \(md.escape(by)) |\n"
        }
        out += "\n"
        for outcome in e.instructions {
            out += "\(outcome.instruction.number.isEmpty ? "-" : outcome.instruction.number + ".") \(md.escape(outcome.instruction.text))\n"
        }
        return out
    }

    /// An HTML `<section>` for the diff's HTML report.
    public func html(_ e: ChangeExplanations) -> String {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
                of: ">", with: "&gt;")
        }
        var out = "<section id=\"amendments\"><h2>Instructions behind the changes</h2>\n<p>\(esc(e.amendingAct)): \(esc(e.target))</p>\n"
        out += "<table><thead><tr><th>change</th><th>level</th><th>status</th><th>explained by</th></tr></thead><tbody>\n"
        for c in e.changes {
            let by =
                c.explanation == .instruction
                ? "instruction " + c.instructions.joined(separator: ", ") : Self.name(c.explanation) + (c.detail.map { ": " + $0 } ?? "")
            out += "<tr><td>\(esc(c.arrow))</td><td>\(c.level)</td><td>\(c.status)</td><td>\(esc(by))</td></tr>\n"
        }
        out += "</tbody></table>\n<ol>\n"
        for outcome in e.instructions {
            out += "<li value=\"\(Int(outcome.instruction.number) ?? 1)\">\(esc(outcome.instruction.text))</li>\n"
        }
        return out + "</ol></section>\n"
    }
}
