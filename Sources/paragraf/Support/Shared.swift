import ArgumentParser
import Foundation
import Paragraf
import ParagrafCommandLine
import ParagrafStore
import ParagrafXML

/// Output formats for data commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// Where the corpus is; shared by every command that reads it.
struct CorpusOptions: ParsableArguments {
    @Option(
        name: .customLong("corpus"),
        help: ArgumentHelp("The corpus directory (default: the corpus that ships with Paragraf, or $PARAGRAF_CORPUS).", valueName: "DIR"))
    var directory: String?
    /// `--db FILE` / `PARAGRAF_DB`: when given, versions are read from that corpus database.
    @OptionGroup var storeOptions: StoreOptions

    /// Opens the corpus.
    func corpus() throws -> Corpus {
        do {
            return try Corpus(directory: directory ?? Corpus.bundledDirectory())
        } catch {
            throw CLIError(error.description)
        }
    }

    /// Loads and parses a version by id.
    func load(_ id: String) throws -> (Corpus, CorpusVersion, ParsedDocument) {
        let corpus = try corpus()
        do {
            let version = try corpus.version(id)
            let parsed = try corpus.load(version, parser: InputReader.parse)
            return (corpus, version, parsed)
        } catch {
            throw CLIError(error.description)
        }
    }

    /// Loads a corpus version by id ("2003", "1658/2017"), or a file (or "-" for standard input). A version id
    /// wins over a file of the same name in the working directory (a note says so); "./2020" names the file.
    /// The corpus version is returned too when there is one. A file longer than `maxBytes` is refused before it is
    /// read.
    func loadVersionOrFile(
        _ argument: String, maxBytes: Int? = nil
    ) throws -> (name: String, version: CorpusVersion?, parsed: ParsedDocument) {
        func readFile() throws -> (name: String, version: CorpusVersion?, parsed: ParsedDocument) {
            let bytes = try Output.readInput(argument, maxBytes: maxBytes)
            return (argument, nil, InputReader.parse(bytes, sourceName: argument))
        }
        if argument == "-" { return try readFile() }
        let explicitPath = ["/", "./", "../", "~"].contains { argument.hasPrefix($0) }
        let isFile = FileManager.default.fileExists(atPath: argument)
        if storeOptions.namedDatabase != nil, !explicitPath {
            // A version of the corpus database ("BEK 1077/2020", "tandpleje/2020", "1077/2020").
            let store = try storeOptions.open(corpus: self)
            let (version, parsed) = try storeQuery { () throws -> (StoredVersion, ParsedDocument) in
                let version = try store.version(argument, in: nil)
                return (version, try store.parsedDocument(of: version))
            }
            return (version.label, nil, parsed)
        }
        if !explicitPath, let corpus = try? corpus(), let version = try? corpus.version(argument) {
            if isFile {
                Output.error(
                    "note: \"\(argument)\" is read as corpus version \(version.id), not as the file of that name; write ./\(argument) for the file"
                )
            }
            let (_, loaded, parsed) = try load(argument)
            return (loaded.id, loaded, parsed)
        }
        if isFile { return try readFile() }
        do {
            let (_, version, parsed) = try load(argument)
            return (version.id, version, parsed)
        } catch let error as CLIError where argument.contains("/") || argument.contains(".") {
            // Meant as a file ("../2003.txt", "ny.txt"): say that first.
            throw CLIError("cannot read \"\(argument)\": no such file; and \(error.message)", exitCode: error.exitCode)
        }
    }

    /// A corpus version or a file, for the commands that read one version (show, toc, refs, cited-by, resolve,
    /// check).
    func open(_ argument: String) throws -> (LoadedVersion, ParsedDocument) {
        let (name, version, parsed) = try loadVersionOrFile(argument)
        return (LoadedVersion(id: name, version: version, document: parsed.document), parsed)
    }
}

/// What the one-version commands know of what they read: a corpus version, or a file.
struct LoadedVersion {
    /// The version id ("2003"), or the file name as given.
    var id: String
    /// The corpus version, nil for a file.
    var version: CorpusVersion?
    /// The document read.
    var document: Document

    /// The work's title, else the document's, else the name.
    var title: String { version?.work.title ?? document.metadata.title ?? id }
    /// The file to name in findings: the corpus file, or the file given.
    var path: String { version?.path ?? id }
    /// "BEK, underskrevet 2003-12-11, i kraft 2004-01-01" from the manifest, else from the document.
    var dates: String {
        let type = version?.manifest.documentType ?? document.metadata.documentType.abbreviation
        let signed = (version?.manifest.signed ?? document.metadata.signingDate).map { "\($0)" } ?? "?"
        let inForce = (version?.manifest.inForce ?? document.metadata.inForceDate).map { "\($0)" } ?? "?"
        return "\(type), underskrevet \(signed), i kraft \(inForce)"
    }
}

/// How input bytes become a document: the format-detecting reader (LexDania XML, HTML or plain text).
enum InputReader {
    static func parse(_ bytes: [UInt8], sourceName: String) -> ParsedDocument {
        DocumentReader.read(bytes, sourceName: sourceName)
    }
}

/// An error the user can act on: printed as "paragraf: error: …" and exit status 1.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32 = 1

    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    var description: String { message }
}

enum Output {
    /// Writes `text` to standard error.
    static func error(_ text: String) {
        StandardError.write(text)
    }

    /// Encodes `value` as stable JSON: sorted keys, pretty printed, slashes unescaped; source positions with
    /// the line and column `locations` gives them.
    static func json<T: Encodable>(_ value: T, locations: SourceLocationConverter? = nil) throws -> String {
        let encoder = PrettyJSONEncoder(userInfo: locations.map { [.sourceLocations: $0] } ?? [:])
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A member of ``jsonObject(_:)``: a key, its value, and the line table of the text its positions are in.
    struct Member {
        var key: String
        var value: any Encodable
        var locations: SourceLocationConverter?

        init(_ key: String, _ value: any Encodable, locations: SourceLocationConverter? = nil) {
            self.key = key
            self.value = value
            self.locations = locations
        }
    }

    /// Encodes an object whose members hold positions of different texts (an amending act and the act it
    /// amends), each member with its own line table: printed as ``json(_:locations:)`` prints one value.
    static func jsonObject(_ members: [Member]) throws -> String {
        var out = Array("{\n".utf8)
        for (k, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
            if k > 0 { out += Array(",\n".utf8) }
            out += Array("  ".utf8) + (try PrettyJSONEncoder().encode(member.key)) + Array(" : ".utf8)
            let encoder = PrettyJSONEncoder(userInfo: member.locations.map { [.sourceLocations: $0] } ?? [:])
            try encoder.encode(member.value, nestedBy: 2, into: &out)
        }
        out += Array("\n}".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads a file, or standard input for "-". With `maxBytes` (the diff's limit, the only one), a longer file
    /// is refused by its size before it is read, standard input once it is read.
    static func readInput(_ path: String, maxBytes: Int? = nil) throws -> [UInt8] {
        if path == "-" {
            let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            try checkSize(bytes.count, of: "standard input", maxBytes: maxBytes)
            return bytes
        }
        // open, fstat and read straight into the array: through FileManager (exists, attributes, contents, then
        // a copy out of Data) reading cost 4 % of parsing a directory of documents.
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw CLIError("no such file: \(path)") }
            throw CLIError("cannot read \(path)")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw CLIError("cannot read \(path)") }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw CLIError("\(path) is a directory, not a file") }
        let size = Int(status.st_size)
        try checkSize(size, of: path, maxBytes: maxBytes)
        // The size the file has (into the array's memory, not zeroed first), then whatever it still gives (a
        // file that grew, or one in /proc that says 0).
        var bytes = try [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let read = Foundation.read(descriptor, buffer.baseAddress! + count, size - count)
                if read < 0 && errno == EINTR { continue }
                guard read >= 0 else { throw CLIError("cannot read \(path)") }
                if read == 0 { break }
                count += read
            }
        }
        guard bytes.count == size else { return bytes }
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16384) { chunk in
            while true {
                let read = Foundation.read(descriptor, chunk.baseAddress!, chunk.count)
                if read < 0 && errno == EINTR { continue }
                guard read >= 0 else { throw CLIError("cannot read \(path)") }
                if read == 0 { break }
                bytes.append(contentsOf: chunk[0..<read])
            }
        }
        return bytes
    }

    /// Throws when `size` bytes are more than `maxBytes` (``VersionDiff/maxSourceBytes``).
    static func checkSize(_ size: Int, of name: String, maxBytes: Int?) throws {
        guard let maxBytes, size > maxBytes else { return }
        throw CLIError(
            "\(name) has \(size) bytes; paragraf diff compares versions of at most \(maxBytes) bytes (2 GiB − 1) each")
    }
}

extension ParsableCommand {
    /// Runs `body`, turning a ``CLIError`` into a message on standard error and its exit status.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CLIError {
            throw StandardError.failure(error.message, exitCode: error.exitCode)
        }
    }
}

/// Writes a report that arrives in pieces to standard output or, through a temporary file renamed at the
/// end, to a file, so that a large report is never held whole and a failed write leaves no half file.
final class ReportSink {
    private let descriptor: Int32
    private let path: String?
    private let temporary: String?
    private var buffer: [UInt8] = []
    private var finished = false

    /// A sink for `path`, or for standard output when nil.
    init(path: String?) throws {
        self.path = path
        guard let path else {
            descriptor = STDOUT_FILENO
            temporary = nil
            return
        }
        let temporary = path + ".partial-\(getpid())"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        self.temporary = temporary
    }

    /// Appends `piece`, writing out whenever a megabyte has gathered.
    func write(_ piece: String) throws {
        buffer.append(contentsOf: piece.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends the UTF-8 bytes `piece`, writing out whenever a megabyte has gathered.
    func write(_ piece: [UInt8]) throws {
        buffer.append(contentsOf: piece)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes the buffer out (all of it: `write` may take less than it is given).
    private func flush() throws {
        try buffer.withUnsafeBytes { bytes in
            var done = 0
            while done < bytes.count {
                let n = systemWrite(descriptor, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw failure() }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and, for a file, closes it and moves it into place.
    func finish() throws {
        try flush()
        finished = true
        guard let path, let temporary else { return }
        guard close(descriptor) == 0, rename(temporary, path) == 0 else {
            let error = failure()
            unlink(temporary)
            throw error
        }
    }

    /// A report that was not finished (a write or the rendering failed) leaves no temporary file behind.
    deinit {
        if !finished, let temporary {
            close(descriptor)
            unlink(temporary)
        }
    }

    private func failure() -> CLIError {
        CLIError("cannot write \(path ?? "standard output"): \(String(cString: strerror(errno)))")
    }
}

/// The system's `write(2)` (inside ``ReportSink`` the name is its own method's).
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
