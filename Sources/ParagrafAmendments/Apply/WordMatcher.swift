import Foundation
import Paragraf

/// Finds quoted words in provision text: exact characters after whitespace normalization, not inside a longer
/// word or number (»883 kr.« is not found in "1.883 kr.", »amt« not in "amtet"), non-overlapping.
enum WordMatcher {
    /// The ranges of `needle` in `text`.
    static func matches(of needle: String, in text: String) -> [Range<String.Index>] {
        guard !needle.isEmpty else { return [] }
        var found: [Range<String.Index>] = []
        var from = text.startIndex
        let checkStart = needle.first.map(isWordCharacter) ?? false
        let checkEnd = needle.last.map(isWordCharacter) ?? false
        while from < text.endIndex, let r = text.range(of: needle, range: from..<text.endIndex) {
            let after = r.upperBound < text.endIndex ? text[r.upperBound] : nil
            let startOK = !checkStart || !joinsWord(text, before: r.lowerBound, first: needle.first)
            let endOK = !checkEnd || after.map { !isWordCharacter($0) } ?? true
            if startOK && endOK {
                found.append(r)
                from = r.upperBound
            } else {
                from = text.index(after: r.lowerBound)
            }
        }
        return found
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// Whether the text before `index` continues the word or number that starts there: a letter or digit, or
    /// (before a digit) "." or "," after a digit, as in "1.883" and "4,5".
    static func joinsWord(_ text: String, before index: String.Index, first: Character?) -> Bool {
        guard index > text.startIndex else { return false }
        let previous = text.index(before: index)
        if isWordCharacter(text[previous]) { return true }
        guard first?.isNumber == true, text[previous] == "." || text[previous] == ",", previous > text.startIndex else { return false }
        return text[text.index(before: previous)].isNumber
    }

    /// `text` with `range` replaced by `new`, spaces tidied where words were deleted.
    static func replacing(_ range: Range<String.Index>, in text: String, with new: String) -> String {
        var result = text
        result.replaceSubrange(range, with: new)
        return new.isEmpty ? tidy(result) : result
    }

    /// Double spaces and a space before , . ; : removed, the ends trimmed.
    static func tidy(_ text: String) -> String {
        var s = Bytes.normalized(text)
        for mark in [",", ".", ";", ":", ")"] { s = s.replacingOccurrences(of: " " + mark, with: mark) }
        s = s.replacingOccurrences(of: "( ", with: "(")
        return s
    }

    /// `text` with `new` put right after (or before) `range`: a space between words, none before a comma or
    /// period the new text begins with.
    static func inserting(_ new: String, in text: String, at range: Range<String.Index>, after: Bool) -> String {
        var result = text
        if after {
            let joins = new.first.map { $0 == "," || $0 == "." || $0 == ";" || $0 == ":" || $0 == ")" } ?? true
            let spaced = (joins || new.first == " ") ? new : " " + new
            result.insert(contentsOf: spaced, at: range.upperBound)
        } else {
            let spaced = new.last == " " || new.last == "(" ? new : new + " "
            result.insert(contentsOf: spaced, at: range.lowerBound)
        }
        return Bytes.normalized(result)
    }
}
