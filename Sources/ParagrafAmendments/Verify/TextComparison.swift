import Foundation
import Paragraf

/// How two sources' texts of a provision are compared: whitespace (and non-breaking spaces) normalized, words
/// otherwise exact; and how a difference is shown.
enum TextComparison {
    /// The text as compared.
    static func normalized(_ text: String) -> String { Bytes.normalized(text) }

    /// Whether two texts are the same as compared.
    static func same(_ a: String, _ b: String) -> Bool { normalized(a) == normalized(b) }

    /// `text` without the footnotes of `notes` that it holds ("… hold af dyr. 1) Ved kongelig resolution …"):
    /// a source that prints footnotes inside the provisions' text (the dataset) against one that keeps them as
    /// notes (LexDania). Returns nil when no footnote was found in the text.
    static func withoutFootnotes(_ text: String, _ notes: [DocumentNote]) -> (text: String, markers: [String])? {
        var result = normalized(text)
        var markers: [String] = []
        for note in notes where note.kind == .footnote {
            guard let marker = note.marker, result.contains(marker) else { continue }
            let marked = normalized(marker + " " + note.text)
            guard let r = result.range(of: marked) else { continue }
            result.removeSubrange(r)
            result = normalized(result)
            markers.append(marker)
        }
        return markers.isEmpty ? nil : (result, markers)
    }

    /// Whether two texts are the same once the footnotes either holds are taken out; the markers taken out.
    static func sameButFootnotes(_ a: String, _ b: String, _ notes: [DocumentNote]) -> [String]? {
        let x = withoutFootnotes(a, notes)
        let y = withoutFootnotes(b, notes)
        guard x != nil || y != nil, same(x?.text ?? a, y?.text ?? b) else { return nil }
        return (x?.markers ?? []) + (y?.markers ?? [])
    }

    /// Whether the in-force note `note` holds `text` (footnotes of `notes` in `text` taken out).
    static func note(_ note: DocumentNote, holds text: String, _ notes: [DocumentNote]) -> Bool {
        let wanted = withoutFootnotes(text, notes)?.text ?? normalized(text)
        return !wanted.isEmpty && normalized(note.text).contains(wanted)
    }

    /// The words that differ with a few around them: "… kan [-henlægge-] {+delegere+} sagsforberedende …".
    /// Common leading and trailing words are cut (linear; a word-level LCS is not needed to show where).
    static func excerpt(_ old: String, _ new: String, context: Int = 6) -> String {
        let a = normalized(old).split(separator: " ")
        let b = normalized(new).split(separator: " ")
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let removed = a[prefix..<(a.count - suffix)]
        let added = b[prefix..<(b.count - suffix)]
        if removed.isEmpty && added.isEmpty { return "(no difference in the words)" }
        var parts: [String] = []
        let lead = a[max(0, prefix - context)..<prefix]
        if prefix > context { parts.append("…") }
        parts += lead.map(String.init)
        if !removed.isEmpty { parts.append("[-" + Self.cut(removed.joined(separator: " ")) + "-]") }
        if !added.isEmpty { parts.append("{+" + Self.cut(added.joined(separator: " ")) + "+}") }
        let tailEnd = min(a.count, a.count - suffix + context)
        parts += a[(a.count - suffix)..<tailEnd].map(String.init)
        if tailEnd < a.count { parts.append("…") }
        return parts.joined(separator: " ")
    }

    /// At most 300 characters of a changed run.
    static func cut(_ text: String) -> String { NewText.excerpt(text, limit: 300) }
}
