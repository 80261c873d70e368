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
