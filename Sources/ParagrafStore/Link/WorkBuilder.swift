import Paragraf
import ParagrafReferences

/// Groups versions into works, from the texts themselves:
/// - a version and the versions its repeal statement names ("Bekendtgørelse nr. 1658 af 22. december 2017 om
///   tandpleje ophæves") are one work, when their titles agree (or the repealed one is known only by number, or
///   it is the only one repealed);
/// - consolidations of one act ("Bekendtgørelse af lov om hold af dyr") and the act itself are one work, by the
///   act's key (``CitationExtractor/act(named:)``);
/// - bekendtgørelser with the same title are one work;
/// - versions a corpus manifest puts in one work are one work.
/// Amending instruments, commencement orders and repealing orders join the work they name ("I lov om X, jf.
/// lovbekendtgørelse nr. N af DATE, foretages følgende ændringer", "om ændring af bekendtgørelse om tandpleje").
enum WorkBuilder {
    static func build(versions: inout [LinkVersion], documents: [LinkDocument]) -> [LinkWork] {
        var sets = DisjointSets(versions.count)
        let titles = versions.map { TitleKey.of($0.title) }
        let extractor = CitationExtractor()
        var actKeys: [Int: String] = [:]
        var byTitle: [String: Int] = [:]
        var byAct: [String: Int] = [:]
        var byManifest: [String: Int] = [:]
        for (i, version) in versions.enumerated() where version.role == .version {
            if let act = actKey(of: version, title: titles[i], extractor) {
                actKeys[i] = act
                if let other = byAct[act] { sets.union(i, other) } else { byAct[act] = i }
            } else if let title = titles[i], version.type != "LOV", version.type != "LBK" {
                if let other = byTitle["\(version.type)|\(title)"] { sets.union(i, other) } else { byTitle["\(version.type)|\(title)"] = i }
            }
            if let work = version.manifestWork {
                if let other = byManifest[work] { sets.union(i, other) } else { byManifest[work] = i }
            }
            // A regulation and the one it repeals (or those of its own title) are one work; an act that repeals
            // others replaces them, it does not continue them.
            guard version.type != "LOV", version.type != "LBK" else { continue }
            let repealed = version.repeals.filter { versions[$0].role == .version }
            for target in repealed where versions[target].type != "LOV" && versions[target].type != "LBK" {
                let same = titles[target] == titles[i]
                if same || repealed.count == 1 { sets.union(i, target) }
            }
        }
        // Works of the versions proper, then the instruments that amend them.
        var workOfRoot: [Int: Int] = [:]
        var works: [LinkWork] = []
        for (i, version) in versions.enumerated() where version.role == .version {
            let root = sets.find(i)
            if let w = workOfRoot[root] {
                works[w].versions.append(i)
            } else {
                workOfRoot[root] = works.count
                works.append(LinkWork(versions: [i]))
            }
        }
        for i in versions.indices { if versions[i].role == .version { versions[i].work = workOfRoot[sets.find(i)]! } }
        var byKey: [String: Int] = [:]
        for (i, v) in versions.enumerated() { if let key = v.key { byKey["\(key.number)/\(key.year)"] = i } }
        var workByTitle: [String: Int] = [:]
        for (i, v) in versions.enumerated() where v.role == .version {
            if let title = titles[i] { workByTitle[title] = v.work }
        }
        for i in versions.indices where versions[i].role != .version {
            let target = amendedWork(versions[i], versions: versions, byKey: byKey, byAct: byAct, workByTitle: workByTitle)
            if let target {
                versions[i].work = target
                works[target].versions.append(i)
            } else {
                versions[i].work = works.count
                works.append(LinkWork(versions: [i]))
            }
        }
        for w in works.indices { describe(&works[w], versions: versions, actKeys: actKeys) }
        assignSlugs(&works, versions)
        for w in works.indices { Intervals.assign(works[w], &versions) }
        return works
    }

    /// The key of the act a version is a version of: an LBK "Bekendtgørelse af lov om X" or an act "Lov om X".
    static func actKey(of version: LinkVersion, title: String?, _ extractor: CitationExtractor) -> String? {
        guard version.type == "LBK" || version.type == "LOV", let title else { return nil }
        var name = title
        for prefix in ["bekendtgørelse af ", "lovbekendtgørelse af "] where name.hasPrefix(prefix) {
            name.removeFirst(prefix.count)
        }
        return extractor.act(named: name)?.key
    }

    /// The work an amending (commencement, repealing) instrument names, if the corpus has it.
    static func amendedWork(
        _ version: LinkVersion, versions: [LinkVersion], byKey: [String: Int], byAct: [String: Int],
        workByTitle: [String: Int]
    ) -> Int? {
        for encoded in version.amends.instruments {
            if let key = InstrumentKey(encoded: encoded), let i = byKey["\(key.number)/\(key.year)"], versions[i].work >= 0 {
                return versions[i].work
            }
        }
        for act in version.amends.acts { if let i = byAct[act] { return versions[i].work } }
        for title in version.amends.titles { if let w = workByTitle[title] { return w } }
        for i in version.repeals where versions[i].work >= 0 { return versions[i].work }
        return nil
    }

    /// Title, kind and act key of a work, from its latest version with a title.
    static func describe(_ work: inout LinkWork, versions: [LinkVersion], actKeys: [Int: String]) {
        let proper = work.versions.filter { versions[$0].role == .version }
        let ordered = (proper.isEmpty ? work.versions : proper).sorted {
            (versions[$0].start ?? .distant, $0) < (versions[$1].start ?? .distant, $1)
        }
        work.title =
            ordered.reversed().lazy.compactMap { versions[$0].title }.first?.split(separator: "\n").first.map(String.init)
            ?? versions[ordered[0]].label
        work.actKey = ordered.lazy.compactMap { actKeys[$0] }.first
        let types = Set(ordered.map { versions[$0].type })
        if work.actKey != nil || types.contains("LOV") || types.contains("LBK") {
            work.kind = "act"
        } else if proper.isEmpty {
            work.kind = versions[ordered[0]].role.rawValue
        } else {
            work.kind = types.contains("BEK") ? "regulation" : (types.first ?? "?").lowercased()
        }
    }

    /// Readable, stable ids: the manifest's work id, the act's key, or the title without its type word
    /// ("Bekendtgørelse om tandpleje" → "tandpleje"), ASCII, at most 60 characters; clashes get "-2", "-3" in
    /// the order of their first versions.
    static func assignSlugs(_ works: inout [LinkWork], _ versions: [LinkVersion]) {
        let order = works.indices.sorted { a, b in
            let fa = works[a].versions.compactMap { versions[$0].start }.min() ?? .distant
            let fb = works[b].versions.compactMap { versions[$0].start }.min() ?? .distant
            return (fa, works[a].title, a) < (fb, works[b].title, b)
        }
        var used = Set<String>()
        for w in order {
            let manifest = works[w].versions.lazy.compactMap { versions[$0].manifestWork }.first
            var base = manifest ?? Slug.make(works[w].actKey ?? Slug.stripTypeWord(works[w].title))
            if base.isEmpty { base = "work" }
            var slug = base
            var n = 2
            while used.contains(slug) {
                slug = "\(base)-\(n)"
                n += 1
            }
            used.insert(slug)
            works[w].slug = slug
        }
    }
}
