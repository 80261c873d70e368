/// Links the citations of a prose text to a corpus: the places where a corpus version cites the same
/// provision of another act (often as its legal basis), the corpus version that repealed a cited
/// instrument, and the corpus work of a cited act. `paragraf cite` prints them under each citation.
///
/// ```swift
/// let links = CorpusLinks(corpus: try Corpus(directory: Corpus.bundledDirectory()))
/// for citation in CitationExtractor().citations(inProse: source) {
///     links.links(for: citation)   // ["tandpleje/2003 › § 1 cites § 127 i sundhedsloven", …]
/// }
/// ```
///
/// Building the links parses every corpus version once; ask ``links(for:)`` as often as needed.
public struct CorpusLinks: Sendable {
    /// A citing place in one corpus version; the same place in consecutive versions prints once.
    struct Place: Hashable, Sendable {
        var work: String
        var version: String
        var place: String
    }

    /// A citing place and what it says of the cited provision.
    struct Link: Hashable, Sendable {
        var place: Place
        var what: String
    }

    /// By "act key § N": where the corpus cites that §.
    private var citedBy: [String: [Link]] = [:]
    /// By § number, whatever the act: where the corpus cites a § of that number in some act.
    private var bySection: [String: [Link]] = [:]
    /// By "TYPE number date" of a repealed instrument: "work/version" of the version that repealed it.
    private var repealedBy: [String: String] = [:]
    /// Work titles by work id.
    private var works: [String: String] = [:]

    /// The links of `corpus` (none when nil), its versions read with `parser` (by default as
    /// ``Corpus/load(_:parser:)`` reads them). Versions that cannot be read are left out.
    public init(
        corpus: Corpus?,
        parser: (_ bytes: [UInt8], _ sourceName: String) -> ParsedDocument = { Corpus.read($0, sourceName: $1) }
    ) {
        guard let corpus else { return }
        for work in corpus.works { works[work.id] = work.title }
        for version in corpus.versions {
            for repeals in version.manifest.repeals {
                repealedBy["\(repeals.documentType) \(repeals.number) \(repeals.date)"] = "\(version.work.id)/\(version.id)"
            }
            guard let parsed = try? corpus.load(version, parser: parser) else { continue }
            add(ReferenceGraph(parsed: parsed), work: version.work.id, version: version.id)
        }
    }

    /// Adds the citations of other acts' §§ in one version.
    private mutating func add(_ graph: ReferenceGraph, work: String, version: String) {
        for citation in graph.citations {
            for target in citation.citation.targets {
                guard let act = target.act, let section = target.address.section else { continue }
                let here = Place(
                    work: work, version: version, place: citation.sourceID.map { graph.nodes.place(of: $0) } ?? "-")
                let cites = Link(place: here, what: "cites § \(section) i \(act.name)")
                if !(citedBy[act.key + " § " + section]?.contains(cites) ?? false) {
                    citedBy[act.key + " § " + section, default: []].append(cites)
                }
                let lead = Link(place: here, what: "§ \(section) i \(act.name): ")
                if !(bySection[section]?.contains(lead) ?? false) { bySection[section, default: []].append(lead) }
            }
        }
    }

    /// The places in corpus order, one line per place and wording: "tandpleje/2022, 2024-706, 2024-871 › …"
    /// where consecutive versions cite from the same place.
    static func merged(_ links: [Link]) -> [(versions: String, place: String, what: String)] {
        var result: [(work: String, versions: [String], place: String, what: String)] = []
        for link in links {
            let p = link.place
            if let k = result.firstIndex(where: { $0.work == p.work && $0.place == p.place && $0.what == link.what }) {
                result[k].versions.append(p.version)
            } else {
                result.append((p.work, [p.version], p.place, link.what))
            }
        }
        return result.map { ("\($0.work)/" + $0.versions.joined(separator: ", "), $0.place, $0.what) }
    }

    /// What the corpus says of `citation`, one line each, without repeats: where corpus versions cite the
    /// same § ("tandpleje/2003 › § 1 cites § 127 i sundhedsloven"); for a § of no named act, where the
    /// corpus cites a § of that number in some act, as a lead ("if meant as § 82 i …"); "repealed by
    /// WORK/VERSION" for an instrument a corpus version repealed; "corpus work WORK: TITLE" for an act that
    /// is a corpus work.
    public func links(for citation: Citation) -> [String] {
        var result: [String] = []
        for target in citation.targets {
            guard let section = target.address.section else { continue }
            if let act = target.act {
                result += Self.merged(citedBy[act.key + " § " + section] ?? []).map { "\($0.versions) › \($0.place) \($0.what)" }
            } else if citation.kind != .internalRelative {
                // No act named: show where the corpus cites a § of that number in some act, as a lead, not a match.
                result += Self.merged(bySection[section] ?? []).map { "if meant as \($0.what)\($0.versions) › \($0.place) cites it" }
            }
        }
        if let instrument = citation.instrument, let number = instrument.number, let date = instrument.date,
            let version = repealedBy["\(instrument.type.abbreviation) \(number) \(date)"]
        {
            result.append("repealed by \(version)")
        }
        if let act = citation.act, let work = ActTable.standard.corpusWork(for: act), let title = works[work] {
            result.append("corpus work \(work): \(title)")
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }
}
