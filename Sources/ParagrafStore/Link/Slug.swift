/// URL-safe ids from titles: "Bekendtgørelse om tandpleje" → "tandpleje", "lov om social service" →
/// "lov-om-social-service".
enum Slug {
    /// `text` in lower-case ASCII (æ → ae, ø → oe, å → aa, accents dropped), runs of other characters as one "-",
    /// cut at a word boundary before 60 characters.
    static func make(_ text: String) -> String {
        var out = ""
        var dash = false
        for ch in TextFolding.fold(text).lowercased() {
            let piece: String
            switch ch {
            case "æ": piece = "ae"
            case "ø": piece = "oe"
            case "å": piece = "aa"
            default:
                if ch.isASCII && (ch.isLetter || ch.isNumber) { piece = String(ch) } else { piece = "" }
            }
            if piece.isEmpty {
                dash = !out.isEmpty
                continue
            }
            if dash { out += "-" }
            dash = false
            out += piece
        }
        if out.count > 60 {
            let cut = out.prefix(60)
            out = cut.lastIndex(of: "-").map { String(cut[..<$0]) } ?? String(cut)
        }
        return out
    }

    /// The title without the word for its type: "Bekendtgørelse om tandpleje" → "tandpleje", "Bekendtgørelse af
    /// lov om hold af dyr" → "lov om hold af dyr".
    static func stripTypeWord(_ title: String) -> String {
        let lower = title.lowercased()
        // Longest first: "bekendtgørelse om ændring af " before "bekendtgørelse om ".
        for prefix in [
            "bekendtgørelse om ændring af ", "lov om ændring af ", "bekendtgørelse om ", "bekendtgørelse af ",
            "bekendtgørelse for ", "cirkulære om ", "vejledning om ", "anordning om ",
        ] where lower.hasPrefix(prefix) {
            return String(title.dropFirst(prefix.count))
        }
        return title
    }
}
