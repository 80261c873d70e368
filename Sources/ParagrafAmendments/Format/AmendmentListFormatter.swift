import Paragraf

/// Renders an amending act's instructions as text, one operation a line (what `paragraf amendments` prints):
///
/// ```
/// LOV nr. 1547 af 12. december 2023: Lov om ændring af lov om hold af dyr, …
/// 5 acts amended by 10 instructions (10 read); in force 2024-01-01
///
/// § 1  lov om hold af dyr, jf. lovbekendtgørelse nr. 9 af 6. januar 2022
///   1. insert after § 53: § 53 a (3 stk.)
///   2. insert after § 66, stk. 2: stk. 3
///      renumber § 66, stk. 3-6 → stk. 4-7
/// ```
///
/// Unread instructions are shown with their text and the reason.
public struct AmendmentListFormatter: Sendable {
    /// Creates a formatter.
    public init() {}

    /// The text, ending with a line feed.
    public func format(_ act: AmendingAct) -> String {
        var out = ""
        let title = act.title.map { ": \($0)" } ?? ""
        out += act.designation + (act.number == nil && act.signingDate == nil ? "" : title) + "\n"
        let instructions = act.instructions
        let read = instructions.filter { $0.status == .read }.count
        var counts = "\(act.amendments.count) \(act.amendments.count == 1 ? "act" : "acts") amended by "
        counts += "\(instructions.count) \(instructions.count == 1 ? "instruction" : "instructions") (\(read) read"
        let partly = instructions.filter { $0.status == .partlyRead }.count
        let unread = instructions.count - read - partly
        if partly > 0 { counts += ", \(partly) partly read" }
        if unread > 0 { counts += ", \(unread) unread" }
        counts += ")"
        if let date = act.inForceDate { counts += "; in force \(date)" }
        out += counts + "\n"
        for amendment in act.amendments {
            out += "\n§ \(amendment.section)  \(amendment.target)\n"
            for instruction in amendment.instructions { out += Self.lines(instruction) }
        }
        if !act.ownProvisions.isEmpty { out += "\n" }
        for own in act.ownProvisions {
            out += "§ \(own.section)  \(own.isInForce ? "in force: " : "")\(own.text)\n"
        }
        return out
    }

    /// An instruction's lines: its number, then one operation a line, or its text when unread.
    static func lines(_ instruction: Instruction) -> String {
        let number = instruction.number.isEmpty ? "–" : instruction.number + "."
        let indent = String(repeating: " ", count: number.count + 3)
        var out = ""
        for (k, operation) in instruction.operations.enumerated() {
            out += (k == 0 ? "  \(number) " : indent) + operation.summary + "\n"
        }
        if instruction.status != .read {
            let lead = instruction.operations.isEmpty ? "  \(number) " : indent
            let label = instruction.status == .unread ? "unread" : "partly unread"
            out += lead + "\(label): “\(NewText.excerpt(instruction.text, limit: 100))”\n"
            for diagnostic in instruction.diagnostics where diagnostic.code == "A003" || diagnostic.code == "A004" {
                out += indent + "  [\(diagnostic.code) at \(diagnostic.range.start)] \(diagnostic.message)\n"
            }
        }
        return out
    }
}
