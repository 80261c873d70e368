import Paragraf

/// Groups documents into versions (one per instrument: the seed text and the dataset's JSON of BEK 1077/2020
/// are two sources of one version), adds the versions known only from repeal statements, and records which
/// version repeals which.
struct VersionBuilder {
    let documents: [LinkDocument]

    func build() -> [LinkVersion] {
        var versions: [LinkVersion] = []
        var byKey: [InstrumentKey: Int] = [:]
        var byNumber: [String: [Int]] = [:]
        var byUnnumbered: [String: Int] = [:]
        /// Numbered versions by type, signing date and title: what a text without number is matched on.
        var bySignature: [String: Int] = [:]
        func signature(_ type: String, _ signed: LegalDate?, _ title: String?) -> String {
            "\(type)|\(signed?.description ?? "")|\(TitleKey.of(title) ?? "")"
        }
        func add(_ version: LinkVersion) -> Int {
            versions.append(version)
            let index = versions.count - 1
            if let key = version.key {
                byKey[InstrumentKey(type: key.type, number: key.number, year: key.year)] = index
                byNumber["\(key.number)/\(key.year)", default: []].append(index)
                if version.signed != nil, version.title != nil {
                    bySignature[signature(version.type, version.signed, version.title)] = index
                }
            }
            return index
        }
        // Numbered documents first, so that a text without number can join the numbered version it is.
        let ordered = documents.filter { $0.number != nil && $0.year != nil } + documents.filter { $0.number == nil || $0.year == nil }
        for document in ordered {
            if let number = document.number, let year = document.year {
                let key = InstrumentKey(type: document.type, number: number, year: year)
                if let index = byKey[key] {
                    versions[index].documents.append(document.id)
                } else {
                    _ = add(Self.version(of: document, key: key))
                }
                continue
            }
            let unnumbered = signature(document.type, document.signed, document.title)
            let match = document.signed == nil ? nil : bySignature[unnumbered]
            if let index = match ?? byUnnumbered[unnumbered] {
                versions[index].documents.append(document.id)
            } else {
                byUnnumbered[unnumbered] = add(Self.version(of: document, key: nil))
            }
        }
        let byID = Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0) })
        for i in versions.indices { choosePreferred(&versions[i], byID) }
        // Repeal statements: link to the version named. A consolidation (LBK) repeats its act's old repeal
        // statements among its notes, so an LBK's are not read. A version known only from a repeal statement is
        // made when a regulation repeals that one instrument alone: it is then the regulation's predecessor.
        for i in versions.indices where versions[i].type != "LBK" {
            var repealed: [InstrumentKey] = []
            for reference in versions[i].documents.flatMap({ byID[$0]?.repeals ?? [] })
            where !repealed.contains(where: { $0.number == reference.number && $0.year == reference.year }) {
                repealed.append(reference)
            }
            for reference in repealed {
                var target = byKey[InstrumentKey(type: reference.type, number: reference.number, year: reference.year)]
                if target == nil {
                    target = byNumber["\(reference.number)/\(reference.year)"]?.first {
                        reference.matches(type: versions[$0].type, number: reference.number, year: reference.year)
                    }
                }
                if target == nil, repealed.count == 1, versions[i].type != "LOV", versions[i].role == .version {
                    var known = LinkVersion(
                        key: reference, type: reference.type == "?" ? versions[i].type : reference.type,
                        number: reference.number, year: reference.year, signed: reference.date, title: nil, role: .version)
                    known.evidence.append("known from the repeal statement of \(versions[i].label); its text is not in the corpus")
                    target = add(known)
                }
                guard let target, target != i, !versions[i].repeals.contains(target) else { continue }
                versions[i].repeals.append(target)
                versions[target].repealedBy.append(i)
            }
        }
        return versions
    }

    /// A new version with `document` as its source.
    static func version(of document: LinkDocument, key: InstrumentKey?) -> LinkVersion {
        var version = LinkVersion(
            key: key, type: document.type, number: document.number, year: document.year, signed: document.signed,
            title: document.title, role: document.role)
        version.documents = [document.id]
        return version
    }

    /// Orders a version's sources: a complete text before a partial one, then the one with more nodes, then the
    /// later import; the version takes its dates, title and manifest ids from them.
    private func choosePreferred(_ version: inout LinkVersion, _ byID: [Int64: LinkDocument]) {
        let sources = version.documents.compactMap { byID[$0] }.sorted { a, b in
            if a.isPartial != b.isPartial { return !a.isPartial }
            if a.nodes != b.nodes { return a.nodes > b.nodes }
            return a.id > b.id
        }
        version.documents = sources.map(\.id)
        // A consolidation (LBK) applies from its issue; the in-force date in its text is its act's.
        version.inForce = version.type == "LBK" ? nil : sources.lazy.compactMap(\.inForce).first
        version.signed = version.signed ?? sources.lazy.compactMap(\.signed).first
        version.title = sources.lazy.compactMap(\.title).first ?? version.title
        version.manifestWork = sources.lazy.compactMap(\.manifestWork).first
        version.manifestVersion = sources.lazy.compactMap(\.manifestVersion).first
        for source in sources where !source.amends.isEmpty {
            version.amends.acts += source.amends.acts.filter { !version.amends.acts.contains($0) }
            version.amends.instruments += source.amends.instruments.filter { !version.amends.instruments.contains($0) }
            version.amends.titles += source.amends.titles.filter { !version.amends.titles.contains($0) }
        }
        if sources.count > 1 {
            version.evidence.append("\(sources.count) sources")
        }
    }
}
