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

extension CorpusOptions {
    /// The version in force on `dateText` (YYYY-MM-DD), from the chain the texts' repeal statements give.
    func applied(at dateText: String) throws -> AppliedVersion {
        guard let date = LegalDate(dateText) else {
            throw ValidationError("--at expects a date as YYYY-MM-DD, got \"\(dateText)\"")
        }
        let corpus = try corpus()
        var found: [AppliedVersion] = []
        var earliest: WorkHistory.Entry?
        for work in corpus.works {
            let history: WorkHistory
            do { history = try corpus.history(of: work) } catch { throw CLIError(String(describing: error)) }
            if let first = history.entries.first(where: { !$0.interval.neverApplied }),
                earliest.map({ first.interval.start < $0.interval.start }) ?? true
            {
                earliest = first
            }
            guard let entry = history.applying(on: date) else { continue }
            var notes: [String] = []
            let amendments = history.amendments(of: entry, before: date)
            if !amendments.isEmpty && entry.version.manifest.hasText {
                notes.append(
                    "note: by \(date) \(entry.id) had been amended by " + amendments.map(\.citation).joined(separator: " and ")
                        + "; the corpus holds only fragments of those orders, so the text is shown as issued")
            }
            if entry.interval.end == nil {
                notes.append("note: \(entry.id) is the latest version in the corpus; a later version may apply on \(date)")
            }
            found.append(AppliedVersion(date: date, history: history, entry: entry, notes: notes))
        }
        if found.count > 1 {
            throw CLIError(
                "several works had a version in force on \(date) (\(found.map { "\($0.version.work.id)/\($0.version.id)" }.joined(separator: ", "))); name the version instead of --at",
                exitCode: 64)
        }
        guard let applied = found.first else {
            let hint =
                earliest.map {
                    "; the earliest, \($0.id) (\($0.version.manifest.citation)), applied from \($0.interval.startIsSigning ? "~" : "")\($0.interval.start)"
                } ?? ""
            throw CLIError("no version in the corpus was in force on \(date)\(hint)")
        }
        return applied
    }
}

extension CorpusOptions {
    /// The citations of corpus version `version` that were stale (or retargeted) against the version it
    /// repealed, when that one has text: what a later diff may find corrected. Nil when there is none.
    func staleCitations(in version: CorpusVersion, parsed: ParsedDocument) throws -> [CitationChange]? {
        let corpus = try corpus()
        guard let history = try? corpus.history(of: version.work),
            let entry = history.entry(version.id),
            let previous = entry.predecessors.compactMap({ history.entry($0) }).last(where: { $0.version.manifest.hasText }),
            let previousParsed = try? corpus.load(previous.version, parser: InputReader.parse)
        else { return nil }
        return VersionDiff.compare(previousParsed, parsed).citations
    }
}
