import Paragraf

/// One provision followed through every version of a work, across renumbering.
///
/// ```swift
/// let history = ProvisionHistory.trace(try Address.parse("§ 17"), startingIn: 0, versions: [
///     .init(name: "2003", parsed: parsed2003), .init(name: "2020", parsed: parsed2020)])
/// // history.entries: 2003 § 17 …, 2020 § 21 …
/// ```
public struct ProvisionHistory: Codable, Hashable, Sendable {
    /// A version to trace through.
    public struct Version: Sendable {
        /// The name shown ("2003").
        public var name: String
        /// The parsed text.
        public var parsed: ParsedDocument
        /// What a reader should know about the version ("never applied: …"), shown beside its entry.
        public var note: String?

        /// Creates a version.
        public init(name: String, parsed: ParsedDocument, note: String? = nil) {
            self.name = name
            self.parsed = parsed
            self.note = note
        }
    }

    /// The provision in one version.
    public struct Entry: Codable, Hashable, Sendable {
        /// The version name.
        public var version: String
        /// The node id, nil when the provision does not exist in this version.
        public var id: NodeID?
        /// The citation in this version ("§ 21").
        public var citation: String?
        /// The place ("Kapitel 6 Regionstandpleje › § 21").
        public var place: String?
        /// The text with labels as a reader sees it.
        public var text: String?
        /// The version's note (see ``Version/note``).
        public var note: String?
        /// The amounts in the provision's text, in order ("380 kr.", "18 år"); nil when it does not exist here.
        public var amounts: [String]?
    }

    /// What happened between two consecutive versions.
    public struct Step: Codable, Hashable, Sendable {
        /// The earlier version.
        public var from: String
        /// The later version.
        public var to: String
        /// The alignment status of the provision (nil when it exists on neither side).
        public var status: AlignmentStatus?
        /// "§ 17 → § 21".
        public var arrow: String
        /// The word-level changes of its subsections.
        public var provisions: [ProvisionDiff]
    }

    /// The citation asked for.
    public var query: String
    /// The version the citation was read in.
    public var startVersion: String
    /// One entry per version, oldest first.
    public var entries: [Entry]
    /// One step per pair of consecutive versions.
    public var steps: [Step]

    /// Follows `address`, read in `versions[start]`, backwards and forwards through the alignment of each
    /// pair of consecutive versions. Returns nil when the address names nothing in the start version.
    /// - Complexity: one diff per pair of consecutive versions.
    public static func trace(_ address: Address, startingIn start: Int, versions: [Version]) -> ProvisionHistory? {
        guard versions.indices.contains(start) else { return nil }
        let startIndex = versions[start].parsed.document.nodeTable()
        guard startIndex.node(address.id) != nil else { return nil }
        var ids = [NodeID?](repeating: nil, count: versions.count)
        ids[start] = address.id
        var diffs: [Int: (DocumentDiff, AlignmentResult)] = [:]
        func diff(_ k: Int) -> (DocumentDiff, AlignmentResult) {
            if let d = diffs[k] { return d }
            let aligned = Aligner(old: versions[k].parsed, new: versions[k + 1].parsed).align()
            let d = ChangeClassifier(old: versions[k].parsed, new: versions[k + 1].parsed, aligned: aligned).classify()
            diffs[k] = (d, aligned)
            return (d, aligned)
        }
        // Forwards, then backwards.
        var k = start
        while k + 1 < versions.count, let id = ids[k] {
            ids[k + 1] = diff(k).1.oldToNew.throughAncestors(id)
            k += 1
        }
        k = start
        while k > 0, let id = ids[k] {
            ids[k - 1] = diff(k - 1).1.newToOld.throughAncestors(id)
            k -= 1
        }
        var entries: [Entry] = []
        for (n, version) in versions.enumerated() {
            let index = version.parsed.document.nodeTable()
            guard let id = ids[n], let node = index.node(id) else {
                entries.append(Entry(version: version.name, note: version.note))
                continue
            }
            entries.append(
                Entry(
                    version: version.name, id: id, citation: ProvisionRef.citation(of: node), place: index.place(of: id),
                    text: node.displayText, note: version.note, amounts: Self.amounts(in: node, source: version.parsed.source)))
        }
        var steps: [Step] = []
        for n in 0..<max(0, versions.count - 1) where ids[n] != nil || ids[n + 1] != nil {
            let (d, _) = diff(n)
            let oldID = ids[n]
            let newID = ids[n + 1]
            let row = d.alignment.allRows.first { r in
                (oldID.map { id in r.old.contains { $0.id == id } } ?? false)
                    || (newID.map { id in r.new.contains { $0.id == id } } ?? false)
            }
            func within(_ ref: ProvisionRef?, _ id: NodeID?) -> Bool {
                guard let ref, let id else { return false }
                return IDPath.covers(ref.id, id)
            }
            let provisions = d.sections.flatMap(\.provisions).filter { within($0.old, oldID) || within($0.new, newID) }
            let o = entries[n].citation ?? "—"
            let m = entries[n + 1].citation ?? "—"
            steps.append(
                Step(
                    from: versions[n].name, to: versions[n + 1].name,
                    status: row?.status ?? (oldID == nil ? .added : newID == nil ? .removed : nil),
                    arrow: "\(o) → \(m)", provisions: provisions))
        }
        return ProvisionHistory(
            query: address.description, startVersion: versions[start].name, entries: entries, steps: steps)
    }
}
