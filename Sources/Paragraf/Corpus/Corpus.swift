import Foundation

/// The manifest of one work in the corpus: its title and its versions in order.
///
/// Stored as `corpus/<work>/manifest.json`; see the README for the schema.
public struct WorkManifest: Codable, Hashable, Sendable {
    /// The manifest schema version.
    public var schemaVersion: Int
    /// Short id of the work ("tandpleje").
    public var id: String
    /// The work's title ("Bekendtgørelse om tandpleje").
    public var title: String
    /// The versions, oldest first.
    public var versions: [VersionManifest]
}

/// One version of a work as the manifest lists it.
public struct VersionManifest: Codable, Hashable, Sendable {
    /// Short id used on the command line ("2003", "2020").
    public var id: String
    /// The instrument's type abbreviation ("BEK").
    public var documentType: String
    /// Its number in Lovtidende, when known.
    public var number: String?
    /// Date of signing.
    public var signed: LegalDate
    /// Date it entered into force.
    public var inForce: LegalDate
    /// The instrument it repealed, when stated.
    public var repeals: RepealedInstrument?
    /// "amt" (counties, to 2006) or "region" (from 2007).
    public var era: String
    /// The text file, relative to the manifest.
    public var file: String
    /// The SHA-256 of the file's bytes, checked when the version is loaded.
    public var sha256: String
    /// Where the text came from.
    public var source: String?
}

/// An instrument a version repealed: "BEK nr. 205 af 22. marts 2001".
public struct RepealedInstrument: Codable, Hashable, Sendable {
    /// Type abbreviation ("BEK").
    public var documentType: String
    /// Number.
    public var number: String
    /// Date of the repealed instrument.
    public var date: LegalDate

    /// "BEK nr. 205 af 22. marts 2001".
    public var description: String { "\(documentType) nr. \(number) af \(date.danish)" }
}

/// Errors loading the corpus. Each says what to do about it.
public enum CorpusError: Error, CustomStringConvertible, Equatable {
    /// The corpus directory does not exist.
    case missingDirectory(String)
    /// A manifest could not be read or decoded.
    case badManifest(path: String, reason: String)
    /// A version's file is missing.
    case missingFile(String)
    /// A version's file does not have the SHA-256 the manifest names.
    case checksumMismatch(file: String, expected: String, actual: String)
    /// No version with this id.
    case unknownVersion(String, known: [String])
    /// Two works use the same version id.
    case ambiguousVersion(String, works: [String])

    public var description: String {
        switch self {
        case .missingDirectory(let path):
            return "corpus directory not found: \(path) (use --corpus DIR or set PARAGRAF_CORPUS)"
        case .badManifest(let path, let reason):
            return "cannot read manifest \(path): \(reason)"
        case .missingFile(let path):
            return "corpus file missing: \(path)"
        case .checksumMismatch(let file, let expected, let actual):
            return "corpus file \(file) has changed: SHA-256 is \(actual), the manifest says \(expected)"
        case .unknownVersion(let id, let known):
            return "no version \"\(id)\" in the corpus; versions: \(known.joined(separator: ", "))"
        case .ambiguousVersion(let id, let works):
            return "version \"\(id)\" exists in several works (\(works.joined(separator: ", "))); write WORK/\(id)"
        }
    }
}

/// A version of a work with its place in the work's history.
public struct CorpusVersion: Sendable, Hashable {
    /// The work it belongs to.
    public var work: WorkManifest
    /// Its manifest entry.
    public var manifest: VersionManifest
    /// Absolute path of its text file.
    public var path: String

    /// "2003".
    public var id: String { manifest.id }

    /// The version that follows in the corpus, if any.
    public var successor: VersionManifest? {
        guard let i = work.versions.firstIndex(of: manifest), i + 1 < work.versions.count else { return nil }
        return work.versions[i + 1]
    }

    /// The day this version stopped being in force: the next corpus version's in-force date, but only when
    /// that version repealed this one (same number and date). Otherwise unknown (nil), since versions may be
    /// missing from the corpus in between.
    public var endDate: LegalDate? {
        guard let next = successor, let repealed = next.repeals else { return nil }
        guard repealed.date == manifest.signed, manifest.number == nil || repealed.number == manifest.number else {
            return nil
        }
        return next.inForce
    }

    /// Whether this version was in force on `date` as far as the corpus knows; `nil` when its end is unknown
    /// and `date` lies after its start.
    public func isInForce(on date: LegalDate) -> Bool? {
        if date < manifest.inForce { return false }
        if let end = endDate { return date < end }
        return nil
    }
}

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
            do {
                var work = try JSONDecoder().decode(WorkManifest.self, from: data)
                work.versions.sort { $0.inForce < $1.inForce }
                works.append(work)
            } catch {
                throw .badManifest(path: path, reason: String(describing: error))
            }
        }
        self.works = works
    }

    /// The corpus that ships with the package (`corpus/` at the package root), or `PARAGRAF_CORPUS`.
    public static func bundledDirectory() -> String {
        if let env = ProcessInfo.processInfo.environment["PARAGRAF_CORPUS"], !env.isEmpty { return env }
        // Sources/Paragraf/Corpus/Corpus.swift → package root.
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("corpus").path
    }

    /// Every version of every work, oldest first within each work.
    public var versions: [CorpusVersion] {
        works.flatMap { work in
            work.versions.map { CorpusVersion(work: work, manifest: $0, path: directory + "/" + work.id + "/" + $0.file) }
        }
    }

    /// The version with id `id` ("2003", or "tandpleje/2003" when several works share it).
    public func version(_ id: String) throws(CorpusError) -> CorpusVersion {
        let parts = id.split(separator: "/", maxSplits: 1).map(String.init)
        let candidates = versions.filter { parts.count == 2 ? ($0.work.id == parts[0] && $0.id == parts[1]) : $0.id == id }
        if candidates.count == 1 { return candidates[0] }
        if candidates.count > 1 { throw .ambiguousVersion(id, works: candidates.map(\.work.id)) }
        throw .unknownVersion(id, known: versions.map(\.id))
    }

    /// The versions in force on `date`: those that started on or before it and did not end before it.
    /// Versions whose end is unknown count as in force when no later version of the same work has started.
    public func versions(inForceOn date: LegalDate) -> [CorpusVersion] {
        versions.filter { version in
            guard date >= version.manifest.inForce else { return false }
            if let end = version.endDate { return date < end }
            // Unknown end: in force unless a later corpus version of the work had started by then.
            return !version.work.versions.contains { $0.inForce > version.manifest.inForce && $0.inForce <= date }
        }
    }

    /// Reads a version's bytes and checks their SHA-256 against the manifest.
    public func bytes(of version: CorpusVersion) throws(CorpusError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: version.path) else { throw .missingFile(version.path) }
        let bytes = [UInt8](data)
        let actual = SHA256.hex(bytes)
        guard actual == version.manifest.sha256.lowercased() else {
            throw .checksumMismatch(file: version.path, expected: version.manifest.sha256, actual: actual)
        }
        return bytes
    }

    /// Loads and parses a version with `parser` (the text parser by default).
    public func load(
        _ version: CorpusVersion,
        parser: (_ bytes: [UInt8], _ sourceName: String) -> ParsedDocument = { RegulationParser.parse($0, sourceName: $1) }
    ) throws(CorpusError) -> ParsedDocument {
        let bytes = try bytes(of: version)
        return parser(bytes, version.work.id + "/" + version.manifest.file)
    }
}
