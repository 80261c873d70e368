import Paragraf

/// Merges the two sides of a provision's segments into one run of pieces for inline display
/// (deleted words, then inserted words, in place), with a space wherever either side had one.
enum InlineText {
    enum Kind {
        case same, deleted, inserted
    }

    struct Piece {
        var kind: Kind
        /// The text, with a leading space when it is separated from what precedes it.
        var text: String
    }

    static func pieces(_ segments: [TextSegment]) -> [Piece] {
        var result: [Piece] = []
        func spaced(_ text: String, force: Bool) -> String {
            if result.isEmpty { return text.hasPrefix(" ") ? String(text.dropFirst()) : text }
            // Punctuation is looked for only where a space would be forced.
            guard force, !text.hasPrefix(" ") else { return text }
            let punctuation = text.first.map { ",.;:)".contains($0) } ?? false
            return punctuation ? text : " " + text
        }
        var previousWasChange = false
        for s in segments {
            switch s.operation {
            case .equal:
                let text = s.new ?? s.old ?? ""
                let other = s.old ?? ""
                result.append(Piece(kind: .same, text: spaced(text, force: previousWasChange && other.hasPrefix(" "))))
                previousWasChange = false
            case .delete:
                result.append(Piece(kind: .deleted, text: spaced(s.old ?? "", force: false)))
                previousWasChange = true
            case .insert:
                result.append(Piece(kind: .inserted, text: spaced(s.new ?? "", force: false)))
                previousWasChange = true
            case .replace:
                result.append(Piece(kind: .deleted, text: spaced(s.old ?? "", force: false)))
                result.append(Piece(kind: .inserted, text: spaced(s.new ?? "", force: true)))
                previousWasChange = true
            }
        }
        return result
    }

    /// The text of one side: `old` or `new`.
    static func side(_ segments: [TextSegment], old: Bool) -> [(text: String, changed: Bool, category: ChangeCategory?)] {
        var result: [(String, Bool, ChangeCategory?)] = []
        for s in segments {
            guard let text = old ? s.old : s.new else { continue }
            let t = result.isEmpty && text.hasPrefix(" ") ? String(text.dropFirst()) : text
            result.append((t, s.operation != .equal, s.category))
        }
        return result
    }
}
