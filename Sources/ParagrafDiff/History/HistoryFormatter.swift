import Paragraf

/// Renders a ``ProvisionHistory`` as text.
public struct HistoryFormatter: Sendable {
    /// Whether to use ANSI colours.
    public var color: Bool

    /// Creates a formatter.
    public init(color: Bool = false) { self.color = color }

    /// The history as text: each version's citation, place and text, and the changes between them.
    public func format(_ history: ProvisionHistory) -> String {
        var out: [String] = []
        let bold = { (s: String) in color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
        out.append(bold("History of \(history.query) (as read in \(history.startVersion))"))
        let amounts = history.amountLines
        if !amounts.isEmpty {
            out.append("")
            out.append("Amounts at a glance:")
            out += amounts.map { "  " + $0 }
        }
        for (n, entry) in history.entries.enumerated() {
            out.append("")
            if let note = entry.note { out.append("\(entry.version): \(note)") }
            if let citation = entry.citation {
                out.append(bold("\(entry.version): \(citation)") + "  \(entry.place ?? "")")
                out.append("  " + (entry.text ?? ""))
            } else {
                out.append(bold("\(entry.version): —") + "  (no counterpart in this version)")
            }
            if n < history.steps.count {
                let step = history.steps[n]
                out.append("")
                out.append("  ⇣ \(step.from) → \(step.to): \(step.arrow) (\(step.status?.rawValue ?? "?"))")
                for p in step.provisions where p.isChanged {
                    var line = "    \(p.new?.citation ?? p.old?.citation ?? ""): "
                    for piece in InlineText.pieces(p.segments) {
                        let lead = piece.text.hasPrefix(" ") ? " " : ""
                        let body = lead.isEmpty ? piece.text : String(piece.text.dropFirst())
                        switch piece.kind {
                        case .same: line += piece.text
                        case .deleted: line += lead + (color ? "\u{1B}[31m\(body)\u{1B}[0m" : "[-\(body)-]")
                        case .inserted: line += lead + (color ? "\u{1B}[32m\(body)\u{1B}[0m" : "{+\(body)+}")
                        }
                    }
                    out.append(line)
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
