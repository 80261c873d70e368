import ArgumentParser
import Paragraf
import ParagrafDiff

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
            do { history = try corpus.history(of: work, checkingRecords: false) } catch { throw CLIError(String(describing: error)) }
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
        guard
            let previous = corpus.predecessors(of: version, metadata: parsed.document.metadata)
                .last(where: { $0.manifest.hasText }),
            let previousParsed = try? corpus.load(previous, parser: InputReader.parse)
        else { return nil }
        return VersionDiff.compare(previousParsed, parsed).citations
    }
}
