import Paragraf

extension DocumentDiff {
    /// Marks as ``CitationIssue/corrected`` the citations whose target changed because the new version corrects
    /// a citation that was stale in the old one.
    ///
    /// `staleInOld` are the citations the diff of the old version's predecessor to the old version found stale
    /// (or retargeted), each with the provision it should have named in the old version's numbering
    /// (``CitationChange/expectedTarget``). A changed-target citation here is a correction when the old version
    /// had that stale citation at the same place, with the same words, and the new citation names the
    /// counterpart of what it should have named. Example: 2020 § 1, stk. 2 kept "jf. dog § 18, stk. 3" after
    /// 2017's § 18 became § 21; 2022 writes "§ 21, stk. 3".
    ///
    /// ```swift
    /// let before = VersionDiff.compare(v2017, v2020)
    /// var diff = VersionDiff.compare(v2020, v2022)
    /// diff.markCorrections(staleInOld: before.citations)
    /// ```
    public mutating func markCorrections(staleInOld: [CitationChange]) {
        let stale = staleInOld.filter { ($0.issue == .stale || $0.issue == .changedTarget) && $0.expectedTarget != nil }
        guard !stale.isEmpty else { return }
        // Old citation → new citation of every one-to-one aligned provision.
        var counterpart: [String: String] = [:]
        for row in alignment.allRows where row.old.count == 1 && row.new.count == 1 {
            counterpart[row.old[0].citation] = row.new[0].citation
        }
        for k in citations.indices where citations[k].issue == .changedTarget {
            let c = citations[k]
            guard let place = c.oldCitation, let text = c.oldText, let target = c.newTarget else { continue }
            let match = stale.first { s in
                s.newCitation == place && s.newText == text
                    && s.expectedTarget.map { (counterpart[$0] ?? $0) == target } ?? false
            }
            guard let match else { continue }
            citations[k].issue = .corrected
            citations[k].expectedTarget = target
            citations[k].explanation =
                "corrects “\(text)”, which was stale in the old version: it kept a number from before a renumbering and should have named \(match.expectedTarget!); the new version names \(target)"
        }
    }
}
