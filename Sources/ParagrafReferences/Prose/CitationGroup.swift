/// The citations of a prose text (a letter, a municipal page) gathered under the act they name, as
/// `paragraf cite` lists them: one group per act, then the citations that span several acts, other
/// instruments, EU regulations, and those that name no act. Citations that name no act are not given one:
/// the grouping does not guess.
///
/// ```swift
/// let citations = CitationExtractor().citations(inProse: source)
/// for group in CitationGroup.grouped(citations) {
///     print(group.act, group.citations.count)    // "lov om aktiv socialpolitik 2"
/// }
/// ```
public struct CitationGroup: Hashable, Sendable {
    /// What the group holds: the act's name ("sundhedsloven"), or a heading for the groups that are no act
    /// ("several acts (one § in each)", "other instruments", "EU regulations", "no act named").
    public var act: String
    /// The act's ``ActIdentity/key``; nil for the groups that are no act.
    public var actKey: String?
    /// The group's citations, in the order of the text.
    public var citations: [Citation]

    /// Creates a group.
    public init(act: String, actKey: String?, citations: [Citation]) {
        self.act = act
        self.actKey = actKey
        self.citations = citations
    }

    /// `citations` grouped by act: the acts by key in alphabetical order (named as the group's first citation
    /// names it), then the groups that are no act (EU regulations, other instruments, no act named, several
    /// acts, in that order when present).
    /// - Complexity: O(n log n) in the number of citations.
    public static func grouped(_ citations: [Citation]) -> [CitationGroup] {
        var groups: [Bucket: CitationGroup] = [:]
        for citation in citations {
            let (bucket, name) = Bucket.of(citation)
            groups[bucket, default: CitationGroup(act: name, actKey: bucket.actKey, citations: [])]
                .citations.append(citation)
        }
        return groups.keys.sorted().map { groups[$0]! }
    }

    /// The act shared by every target ("§§ 82/36" over two acts has none); nil when a target names no act.
    static func commonAct(_ citation: Citation) -> ActIdentity? {
        let acts = Set(citation.targets.compactMap(\.act))
        return acts.count == 1 && citation.targets.allSatisfy({ $0.act != nil }) ? acts.first : nil
    }

    /// Where a citation is listed: acts sort first by key, then the other groups in declaration order.
    private enum Bucket: Hashable, Comparable {
        case act(key: String)
        case euRegulations
        case instruments
        case noAct
        case severalActs

        /// The citation's group and the group's heading.
        static func of(_ citation: Citation) -> (Bucket, String) {
            if let act = citation.act ?? CitationGroup.commonAct(citation) {
                return (.act(key: act.key), act.name)
            } else if Set(citation.targets.compactMap(\.act)).count > 1 {
                return (.severalActs, "several acts (one § in each)")
            } else if citation.kind == .otherInstrument {
                return (.instruments, "other instruments")
            } else if citation.kind == .euRegulation {
                return (.euRegulations, "EU regulations")
            }
            return (.noAct, "no act named")
        }

        var actKey: String? { if case .act(let key) = self { key } else { nil } }
    }
}
