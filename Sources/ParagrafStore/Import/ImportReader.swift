import Foundation
import Paragraf

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns the inputs of an import into documents' bytes, one at a time, holding at most one document (and a
/// megabyte of read-ahead) in memory: files are read whole, JSON lines line by line, folders walked in name order,
/// corpus folders through their manifests.
final class ImportReader {
    /// One file to read, with what a manifest says of it.
    struct FileTask {
        var path: String
        var manifestWork: String?
        var manifestVersion: String?
        /// For a manifest's file: how to read it with its SHA-256 checked.
        var checked: (@Sendable () throws(CorpusError) -> [UInt8])?
        /// For a manifest's file: its name within the corpus ("tandpleje/2020_1077.json").
        var corpusName: String?
    }

    private var tasks: [Task] = []
    private var stream: JSONStream?
    private let limit: Int
    /// Bytes of the inputs, when all are files (for an ETA); nil with standard input.
    let totalBytes: Int?
    /// Bytes of the inputs read so far.
    private(set) var bytesRead = 0
    private var finishedStreamBytes = 0

    private enum Task {
        case file(FileTask)
        case standardInput
    }

    /// Plans the inputs: folders are listed now (so the total size is known), files are opened when reached.
    init(_ inputs: [ImportInput], limit: Int) throws(StoreError) {
        self.limit = limit
        var tasks: [Task] = []
        var total: Int? = 0
        for input in inputs {
            switch input {
            case .standardInput:
                tasks.append(.standardInput)
                total = nil
            case .path(let path):
                for file in try Self.files(at: path) {
                    tasks.append(.file(file))
                    let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
                    total = total.map { $0 + size }
                }
            }
        }
        self.tasks = tasks.reversed()
        self.totalBytes = total
    }

    /// The files a path stands for: itself, the versions of a corpus (a folder with `*/manifest.json`) or of a
    /// work (`manifest.json`), or the documents in a folder (`.txt`, `.xml`, `.html`, `.htm`, `.json`, `.jsonl`,
    /// `.ndjson`), recursively, in name order.
    static func files(at path: String) throws(StoreError) -> [FileTask] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadableInput("no such file or folder: \(path)")
        }
        guard isDirectory.boolValue else { return [FileTask(path: path)] }
        let url = URL(fileURLWithPath: path)
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("manifest.json").path) {
            return try manifestFiles(corpus: url.deletingLastPathComponent().path, work: url.lastPathComponent)
        }
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
        if entries.contains(where: { FileManager.default.fileExists(atPath: url.appendingPathComponent($0 + "/manifest.json").path) }) {
            return try manifestFiles(corpus: path, work: nil)
        }
        var result: [FileTask] = []
        let extensions: Set<String> = ["txt", "xml", "html", "htm", "json", "jsonl", "ndjson"]
        for entry in entries where !entry.hasPrefix(".") {
            let child = url.appendingPathComponent(entry).path
            var childIsDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: child, isDirectory: &childIsDirectory)
            if childIsDirectory.boolValue {
                result += try files(at: child)
            } else if extensions.contains(URL(fileURLWithPath: entry).pathExtension.lowercased()) {
                result.append(FileTask(path: child))
            }
        }
        return result
    }

    /// The files of the works of a corpus folder (or of one work): each version's text and second source
    /// (`record`), the records of versions without text and of amending orders, with their manifest ids.
    private static func manifestFiles(corpus directory: String, work: String?) throws(StoreError) -> [FileTask] {
        let corpus: Corpus
        do {
            corpus = try Corpus(directory: directory)
        } catch {
            throw .unreadableInput(error.description)
        }
        var tasks: [FileTask] = []
        for entry in corpus.versions where work == nil || entry.work.id == work {
            if let path = entry.path, let file = entry.manifest.file {
                tasks.append(
                    FileTask(
                        path: path, manifestWork: entry.work.id, manifestVersion: entry.id,
                        checked: { () throws(CorpusError) -> [UInt8] in try corpus.bytes(of: entry) },
                        corpusName: entry.work.id + "/" + file))
            }
            if let record = entry.manifest.record {
                tasks.append(recordTask(record, entry.work, corpus, version: entry.id))
            }
        }
        for manifest in corpus.works where work == nil || manifest.id == work {
            for order in manifest.amendingOrders ?? [] {
                if let record = order.record { tasks.append(recordTask(record, manifest, corpus, version: nil)) }
            }
        }
        return tasks
    }

    private static func recordTask(_ record: SourceFile, _ work: WorkManifest, _ corpus: Corpus, version: String?) -> FileTask {
        FileTask(
            path: corpus.directory + "/" + work.id + "/" + record.file, manifestWork: work.id, manifestVersion: version,
            checked: { () throws(CorpusError) -> [UInt8] in try corpus.bytes(of: record, in: work) },
            corpusName: work.id + "/" + record.file)
    }

    /// The next document, or nil when every input is read.
    func next() throws(StoreError) -> ImportItem? {
        while true {
            if let stream {
                if let item = try stream.next() {
                    bytesRead = finishedStreamBytes + stream.bytesRead
                    return item
                }
                finishedStreamBytes += stream.bytesRead
                bytesRead = finishedStreamBytes
                self.stream = nil
            }
            guard let task = tasks.popLast() else { return nil }
            switch task {
            case .standardInput:
                stream = JSONStream(ByteStream(descriptor: STDIN_FILENO, ownsDescriptor: false), name: "-", key: nil, limit: limit)
            case .file(let file):
                if let item = try open(file) { return item }
            }
        }
    }

    /// Opens a file: a manifest version is read whole and checked against its SHA-256; any other file becomes a
    /// stream (returning nil) or, when it cannot be read, an item that says why.
    private func open(_ file: FileTask) throws(StoreError) -> ImportItem? {
        let key = URL(fileURLWithPath: file.path).standardizedFileURL.path
        if let checked = file.checked, let name = file.corpusName {
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            finishedStreamBytes += size
            bytesRead = finishedStreamBytes
            do {
                return ImportItem(
                    bytes: try checked(), source: file.path, sourceKey: "corpus:" + name, manifestWork: file.manifestWork,
                    manifestVersion: file.manifestVersion)
            } catch {
                return ImportItem(bytes: [], source: file.path, sourceKey: "corpus:" + name, rejection: error.description)
            }
        }
        let descriptor = Foundation.open(file.path, O_RDONLY)
        guard descriptor >= 0 else {
            return ImportItem(bytes: [], source: file.path, sourceKey: key, rejection: "cannot open: \(String(cString: strerror(errno)))")
        }
        stream = JSONStream(ByteStream(descriptor: descriptor, ownsDescriptor: true), name: file.path, key: key, limit: limit)
        return nil
    }
}
