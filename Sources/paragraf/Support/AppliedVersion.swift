import ArgumentParser
import Paragraf
import ParagrafDiff

/// The version of a work that applied on a date, as `--at DATE` picks it, with what the reader should know.
struct AppliedVersion {
    var date: LegalDate
    var history: WorkHistory
    var entry: WorkHistory.Entry
    /// Notes for standard error: amendments the text lacks, an unknown end.
    var notes: [String]

    var version: CorpusVersion { entry.version }

    /// "2007 (BEK nr. 727 af 15. juni 2007, in force ~2007-06-15 – 2012-03-01)".
    var description: String {
        let i = entry.interval
        let start = (i.startIsSigning ? "~" : "") + "\(i.start)"
        return "\(version.id) (\(version.manifest.citation), in force \(start) – \(i.end.map { "\($0)" } ?? "?"))"
    }

    /// The error for a version whose text the corpus lacks: which version applied and that its text is missing.
    var missingTextMessage: String {
        "on \(date) version \(description) applied; the corpus has no text of it (only its metadata), so it cannot be shown"
    }

    /// What `show --at --format json` prints when the text is missing.
    struct MissingText: Encodable {
        var schemaVersion = 1
        var date: LegalDate
        var citation: String
        var work: String
        var version: String
        var instrument: String
        var start: LegalDate
        var startIsSigning: Bool
        var end: LegalDate?
        var textAvailable = false
        var error: String
    }

    func missingText(citation: String) -> MissingText {
        MissingText(
            date: date, citation: citation, work: version.work.id, version: version.id,
            instrument: version.manifest.citation, start: entry.interval.start,
            startIsSigning: entry.interval.startIsSigning, end: entry.interval.end, error: missingTextMessage)
    }
}
