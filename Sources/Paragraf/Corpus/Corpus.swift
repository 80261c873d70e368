import Foundation

/// The versioned corpus: a directory with one folder per work, each holding `manifest.json` and texts.
public struct Corpus: Sendable {
    /// The corpus directory.
    public let directory: String
    /// The works, sorted by id.
    public let works: [WorkManifest]

    /// Reads every `*/manifest.json` under `directory`. Files are checked when a version is loaded.
    public init(directory: String) throws(CorpusError) {
        self.directory = directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missingDirectory(directory)
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var works: [WorkManifest] = []
        for entry in entries.sorted() {
            let path = directory + "/" + entry + "/manifest.json"
            guard FileManager.default.fileExists(atPath: path) else { continue }
            guard let data = FileManager.default.contents(atPath: path) else { throw .badManifest(path: path, reason: "unreadable") }
            var work: WorkManifest
            do {
                work = try JSONDecoder().decode(WorkManifest.self, from: data)
            } catch {
                throw .badManifest(path: path, reason: String(describing: error))
            }
            // A dot names a file ("ny.txt"): the command line reads such an argument as a file.
            if let dotted = work.versions.first(where: { $0.id.contains(".") }) {
                throw .badManifest(path: path, reason: "version id \"\(dotted.id)\" has a dot (ids are like 2003 or 2024-871)")
            }
            work.versions.sort { ($0.signed, $0.inForce ?? $0.signed) < ($1.signed, $1.inForce ?? $1.signed) }
            works.append(work)
        }
        self.works = works
    }

    /// The corpus that ships with Paragraf; see ``CorpusLocation`` for where it is looked for.
    public static func bundledDirectory() -> String { CorpusLocation.bundled() }

    /// Every version of every work, oldest first within each work.
    public var versions: [CorpusVersion] {
        works.flatMap { work in
            work.versions.map { CorpusVersion(work: work, manifest: $0, path: $0.file.map { directory + "/" + work.id + "/" + $0 }) }
        }
    }

    /// The version named `id`: its id ("2003", "2024-871", or "tandpleje/2003" when several works share it),
    /// or its number and year ("1658/2017", "tandpleje/1658/2017").
    public func version(_ id: String) throws(CorpusError) -> CorpusVersion {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var candidates = versions.filter { parts.count == 2 ? ($0.work.id == parts[0] && $0.id == parts[1]) : $0.id == id }
        if candidates.isEmpty, parts.count >= 2, parts.count <= 3 {
            // "1658/2017" or "tandpleje/1658/2017": number and year.
            let (number, year) = (parts[parts.count - 2], parts[parts.count - 1])
            let work = parts.count == 3 ? parts[0] : nil
            candidates = versions.filter {
                (work == nil || $0.work.id == work) && $0.manifest.number == number && String($0.manifest.signed.year) == year
            }
        }
        if candidates.count == 1 { return candidates[0] }
        if candidates.count > 1 { throw .ambiguousVersion(id, works: candidates.map(\.work.id)) }
        throw .unknownVersion(id, known: versions.map(\.id))
    }

    /// The versions in force on `date` as the manifest tells it: those that started on or before it and did not
    /// end before it (versions whose end is unknown count as in force when no later version of the same work had
    /// started). ``WorkHistory/applying(on:)`` gives the one version that applied, from the texts.
    public func versions(inForceOn date: LegalDate) -> [CorpusVersion] {
        versions.filter { version in
            let start = version.manifest.inForce ?? version.manifest.signed
            guard date >= start else { return false }
            if let end = version.endDate { return date < end }
            return !version.work.versions.contains { ($0.inForce ?? $0.signed) > start && ($0.inForce ?? $0.signed) <= date }
        }
    }

    /// Reads a version's text and checks its SHA-256 against the manifest.
    public func bytes(of version: CorpusVersion) throws(CorpusError) -> [UInt8] {
        guard let path = version.path, let sha256 = version.manifest.sha256 else {
            throw .noText(version: version.id, citation: version.manifest.citation)
        }
        return try checkedBytes(path, sha256: sha256)
    }

    /// Reads a corpus file of `work` and checks its SHA-256.
    public func bytes(of file: SourceFile, in work: WorkManifest) throws(CorpusError) -> [UInt8] {
        try checkedBytes(directory + "/" + work.id + "/" + file.file, sha256: file.sha256)
    }

    private func checkedBytes(_ path: String, sha256: String) throws(CorpusError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .missingFile(path) }
        let bytes = [UInt8](data)
        let actual = SHA256.hex(bytes)
        guard actual == sha256.lowercased() else {
            throw .checksumMismatch(file: path, expected: sha256, actual: actual)
        }
        return bytes
    }

    /// Reads corpus bytes: a dataset document (JSON) with ``DatasetReader``, anything else with the text parser.
    public static func read(_ bytes: [UInt8], sourceName: String) -> ParsedDocument {
        DatasetReader.looksLikeDataset(bytes)
            ? DatasetReader.read(bytes, sourceName: sourceName) : RegulationParser.parse(bytes, sourceName: sourceName)
    }

    /// Loads and parses a version with `parser` (by default ``read(_:sourceName:)``: text or dataset JSON).
    /// Throws ``CorpusError/noText(version:citation:)`` for a version known without text.
    public func load(
        _ version: CorpusVersion,
        parser: (_ bytes: [UInt8], _ sourceName: String) -> ParsedDocument = { Corpus.read($0, sourceName: $1) }
    ) throws(CorpusError) -> ParsedDocument {
        let bytes = try bytes(of: version)
        return parser(bytes, version.work.id + "/" + (version.manifest.file ?? version.id))
    }

    /// Loads and parses the dataset record beside a version (nil when it has none).
    public func loadRecord(_ version: CorpusVersion) throws(CorpusError) -> ParsedDocument? {
        guard let record = version.manifest.record else { return nil }
        let bytes = try bytes(of: record, in: version.work)
        return DatasetReader.read(bytes, sourceName: version.work.id + "/" + record.file)
    }
}
