import Foundation
import Paragraf

/// Numbers from labels, and unique ids.
extension LexDaniaBuilder {
    /// "§ 53 a." → "53 a"; "Kapitel 6 a" → "6 a"; "Stk. 2." → "2".
    static func number(in label: String, dropping words: [String]) -> String {
        var s = Bytes.normalized(label)
        for w in words where s.hasPrefix(w) { s = String(s.dropFirst(w.count)) }
        s = s.trimmingCharacters(in: CharacterSet(charactersIn: " .§:"))
        return Bytes.normalized(s)
    }

    /// A chapter's number in the text parser's form: "Kapitel 4 A", "Kapitel IV", "1. kapitel" → "4 a", "4", "1";
    /// a label it cannot read keeps its text ("Kapitel" dropped), and no label gives the `localId`.
    static func chapterNumber(label: String?, localId: String?) -> String {
        guard let label else { return localId ?? "" }
        return NumberForms.chapter(label)?.number ?? number(in: label, dropping: ["Kapitel", "KAPITEL"])
    }

    /// "1)" → "1"; "a)" → "a"; "1." → "1".
    static func itemNumber(_ label: String) -> String {
        label.trimmingCharacters(in: CharacterSet(charactersIn: " .)(")).replacingOccurrences(of: " ", with: "")
    }

    mutating func uniqueID(_ id: String, line: Int) -> String {
        if let count = usedIDs[id] {
            usedIDs[id] = count + 1
            let unique = "\(id)~\(count + 1)"
            let r = locator.lineRange(line)
            diagnostics.append(
                Diagnostic(
                    code: XMLDiagnosticCode.duplicateID, severity: .warning, message: "\(id) appears again; this one is \(unique)",
                    range: source.range(r.lowerBound, r.lowerBound)))
            return unique
        }
        usedIDs[id] = 1
        return id
    }
}
