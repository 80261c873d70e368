/// Turns a document's score into one record per wrong §, with the line it stands on.
enum FailureCollector {
    static func records(
        document: DatasetDocument, layout: Layout, text: LaidOutText, truth: [TruthSection], parsed: [ParsedSection],
        pairs: [LayoutScore.Pair], missed: [Int], extra: [Int]
    ) -> [FailureRecord] {
        var records: [FailureRecord] = []
        func record(_ failureClass: FailureClass, _ what: String, line: Int) {
            records.append(
                FailureRecord(
                    failureClass: failureClass, documentID: document.id, group: document.group, layout: layout, what: what,
                    lineNumber: line, line: text.line(line), previousLine: text.line(line - 1)))
        }
        for t in missed {
            let section = truth[t]
            let line = text.provisionLines[section.provision]
            let failureClass = FailureClass.missed(
                section, previous: t > 0 ? truth[t - 1] : nil, previousLine: text.line(line - 1))
            record(failureClass, section.key.description, line: line)
        }
        for p in extra {
            record(.extra, parsed[p].key?.description ?? "§ ?", line: text.lineNumber(ofOffset: parsed[p].offset))
        }
        let documentHasChapters = truth.contains { $0.chapter != nil }
        for (t, p) in pairs {
            let expected = truth[t].chapter
            let line = text.provisionLines[truth[t].provision]
            if expected != nil || !documentHasChapters, expected?.description != parsed[p].chapter?.description {
                let what = "\(truth[t].key): kapitel \(expected?.description ?? "–"), parsed \(parsed[p].chapter?.description ?? "–")"
                record(.chapter, what, line: line)
            }
            if !truth[t].fromList, truth[t].subsections != parsed[p].subsections {
                record(.subsections, "\(truth[t].key): stk. \(truth[t].subsections), parsed \(parsed[p].subsections)", line: line)
            }
        }
        return records
    }
}
