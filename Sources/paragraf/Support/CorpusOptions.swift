import ArgumentParser
import Foundation
import Paragraf
import ParagrafCommandLine
import ParagrafStore
import ParagrafXML

/// Where the corpus is; shared by every command that reads it.
struct CorpusOptions: ParsableArguments {
    @Option(
        name: .customLong("corpus"),
        help: ArgumentHelp("The corpus directory (default: the corpus that ships with Paragraf, or $PARAGRAF_CORPUS).", valueName: "DIR"))
    var directory: String?
    /// `--db FILE` / `PARAGRAF_DB`: when given, versions are read from that corpus database.
    @OptionGroup var storeOptions: StoreOptions

    /// Opens the corpus (once per process: see ``OpenedCorpora``).
    func corpus() throws -> Corpus {
        do {
            return try OpenedCorpora.shared.corpus(at: directory)
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
    /// A file whose name has an extension ("ny.txt") is read without opening the corpus: no version id has a
    /// dot. The corpus version is returned too when there is one. A file longer than `maxBytes` is refused
    /// before it is read.
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
        // Opening the corpus to rule out a version (its manifests' JSON) cost 5.6 M of 509 M instructions of
        // `diff FILE FILE` (1.1 %).
        if isFile && storeOptions.namedDatabase == nil && argument.contains(".") { return try readFile() }
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
