import Paragraf
import ParagrafStore

/// Small pieces of text the pages share.
enum PageText {
    /// "2004-01-01 – 2006-04-04", "2020-07-01 – (in force)", "never applied".
    static func interval(_ v: StoredVersion) -> String {
        if v.neverApplied { return "never applied (repealed before \(v.validFrom?.description ?? "?"))" }
        let from = v.validFrom?.description ?? "?"
        return "\(from) – \(v.validTo?.description ?? "(no end known)")"
    }

    /// The first line of a title.
    static func title(_ text: String?) -> String {
        guard let text else { return "" }
        return String(text.split(separator: "\n").first ?? "")
    }

    /// `text` cut to `limit` characters.
    static func excerpt(_ text: String, _ limit: Int = 90) -> String {
        text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    /// A version's ELI: the stored one, else Retsinformation's for a numbered act or order of Lovtidende A.
    static func eli(_ document: DocumentSummary?, _ version: StoredVersion) -> String? {
        if let eli = document?.eli { return eli }
        guard let number = version.number, let year = version.year, ["BEK", "LBK", "LOV"].contains(version.type) else {
            return nil
        }
        return "https://www.retsinformation.dk/eli/lta/\(year)/\(number)"
    }
}
