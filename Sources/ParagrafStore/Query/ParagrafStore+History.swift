import Paragraf
import ParagrafDiff

extension ParagrafStore {
    /// One provision through every version with text of its work, across renumbering: `paragraf history
    /// "§ 17" --in VERSION --db FILE`, `paragraf serve`'s provision page and the MCP tool `history`.
    ///
    /// The provision is read in `versionName` (default: the work's newest version with text); `work` narrows a
    /// name that several works share and is required without `versionName` when the database has several works.
    /// Each version is read as stored (``parsedDocument(of:)``). Versions without text are named in
    /// ``StoredHistory/missing``.
    public func history(of address: Address, in versionName: String?, work workName: String? = nil) throws(StoreError)
        -> StoredHistory
    {
        let named = try workName.map { name throws(StoreError) in try self.work(name) }
        let startVersion: StoredVersion
        let work: StoredWork
        if let versionName {
            startVersion = try version(versionName, in: named)
            if let named { work = named } else { work = try self.work(startVersion.work) }
        } else {
            if let named { work = named } else { work = try onlyWork() }
            guard let last = try versions(of: work, includingAmendments: false).last(where: \.hasText) else {
                throw .notFound("\(work.id) has no version with text")
            }
            startVersion = last
        }
        let all = try versions(of: work, includingAmendments: false)
        var versions: [ProvisionHistory.Version] = []
        for version in all where version.hasText {
            let note =
                version.neverApplied
                ? "never applied (\(version.repealedBy ?? "a later version") repealed it on the day it was to enter into force, \(version.validFrom?.description ?? "?"))"
                : nil
            versions.append(.init(name: version.name, parsed: try parsedDocument(of: version), note: note))
        }
        guard let index = versions.firstIndex(where: { $0.name == startVersion.name }) else {
            throw .notFound("version \(startVersion.name) has no text in the corpus; history reads the citation in a version with text")
        }
        guard let history = ProvisionHistory.trace(address, startingIn: index, versions: versions) else {
            throw .notFound("\(address) does not exist in \(startVersion.name)")
        }
        return StoredHistory(work: work.id, history: history, missing: all.filter { !$0.hasText }.map(\.name))
    }

    /// The classified changes between two stored versions (`paragraf diff OLD NEW --db FILE`, the change report of
    /// `paragraf serve`, the MCP tool `compare_versions`); each is read as stored.
    public func compare(_ old: StoredVersion, _ new: StoredVersion) throws(StoreError) -> DocumentDiff {
        var diff = VersionDiff.compare(try parsedDocument(of: old), try parsedDocument(of: new))
        diff.old.sourceName = "\(old.work)/\(old.name)"
        diff.new.sourceName = "\(new.work)/\(new.name)"
        return diff
    }

    /// The only work of the database, or an error asking for one.
    func onlyWork() throws(StoreError) -> StoredWork {
        let all = try works()
        if all.count == 1 { return all[0] }
        throw .badRequest("the database has \(all.count) works: name one with --work (see `paragraf works`)")
    }
}
