import Foundation
import Paragraf

extension ParagrafStore {
    /// Bumped whenever an import of the same files would give a different database (a new table, a new way of
    /// reading citations), so that the cached database of the bundled corpus is rebuilt.
    public static let buildVersion = 1

    /// The database of a corpus folder (by default the corpus that ships with Paragraf), built on first use into
    /// a cache and rebuilt when a manifest (and so a file's SHA-256) changes: nothing needs setting up.
    ///
    /// The cache is `$PARAGRAF_CACHE`, else `$XDG_CACHE_HOME/paragraf`, else `~/.cache/paragraf`; the file is
    /// named after a hash of the manifests, so an outdated database is simply not found, and is removed once the
    /// new one is built.
    /// - Parameter progress: called while a missing database is being built.
    public static func bundled(
        corpusDirectory: String = Corpus.bundledDirectory(), cacheDirectory: String? = nil,
        progress: @escaping @Sendable (ImportProgress) -> Void = { _ in }
    ) throws(StoreError) -> ParagrafStore {
        let cache = cacheDirectory ?? defaultCacheDirectory()
        let fingerprint = try corpusFingerprint(corpusDirectory)
        let path = cache + "/corpus-" + fingerprint.prefix(16) + ".sqlite"
        if FileManager.default.fileExists(atPath: path), let store = try? ParagrafStore.open(at: path, mode: .readOnly) {
            return store
        }
        do {
            try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        } catch {
            throw .unavailable(path: cache, detail: "cannot create the cache folder: \(error.localizedDescription)")
        }
        let building = path + ".building-\(ProcessInfo.processInfo.processIdentifier)"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
        let store = try ParagrafStore.open(at: building, mode: .readWrite)
        var options = CorpusImporter.Options()
        options.progress = progress
        let summary = try store.importer(options: options).run([.path(corpusDirectory)])
        try store.close()
        guard summary.failed == 0 else {
            let reasons = summary.failures.map { "\($0.source): \($0.reason)" }.joined(separator: "; ")
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
            throw .unreadableInput("the corpus in \(corpusDirectory) has documents that cannot be imported: \(reasons)")
        }
        guard rename(building, path) == 0 else {
            throw .unavailable(path: path, detail: "cannot move the new database into place: \(String(cString: strerror(errno)))")
        }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
        let name = URL(fileURLWithPath: path).lastPathComponent
        for old in (try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []
        where old.hasPrefix("corpus-") && !old.hasPrefix(name) && !old.contains(".building-") {
            try? FileManager.default.removeItem(atPath: cache + "/" + old)
        }
        return try ParagrafStore.open(at: path, mode: .readOnly)
    }

    /// `$PARAGRAF_CACHE`, `$XDG_CACHE_HOME/paragraf` or `~/.cache/paragraf`.
    public static func defaultCacheDirectory() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let cache = environment["PARAGRAF_CACHE"], !cache.isEmpty { return cache }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/paragraf" }
        return NSHomeDirectory() + "/.cache/paragraf"
    }

    /// A hash of the corpus's manifests (which hold every file's SHA-256), the schema and ``buildVersion``.
    static func corpusFingerprint(_ directory: String) throws(StoreError) -> String {
        let corpus: Corpus
        do {
            corpus = try Corpus(directory: directory)
        } catch {
            throw .unreadableInput(error.description)
        }
        var text = "build \(buildVersion); schema \(StoreSchema.migrator.migrations.joined(separator: ","))\n"
        for work in corpus.works {
            let manifest = directory + "/" + work.id + "/manifest.json"
            text += work.id + "\n" + ((try? String(contentsOfFile: manifest, encoding: .utf8)) ?? "") + "\n"
        }
        return SHA256.hex(Array(text.utf8))
    }
}
