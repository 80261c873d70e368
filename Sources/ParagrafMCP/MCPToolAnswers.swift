import MCP
import Paragraf
import ParagrafDiff
import ParagrafStore

/// Answers the calls of ``ParagrafTools`` from a corpus database: each with the JSON its command prints, each
/// error an MCP error with the command line's message (`invalidParams` for what cannot be read, code -32002 for
/// what is not in the corpus).
public struct MCPToolAnswers: Sendable {
    /// The most results a tool returns.
    public static let maxResults = 200
    /// The longest text argument read, in bytes.
    public static let maxArgumentLength = 500
    /// The JSON-RPC error code of "not in the corpus" (the MCP convention for a resource not found).
    public static let notFoundCode = -32002

    /// The database read.
    public let store: ParagrafStore

    /// Answers over `store`.
    public init(store: ParagrafStore) { self.store = store }

    /// The answer to tool `name` with `arguments`.
    public func call(_ name: String, _ arguments: [String: Value]?) throws(MCPError) -> CallTool.Result {
        let a = Arguments(values: arguments ?? [:], tool: name)
        do {
            let json: [UInt8]
            switch name {
            case "search": json = try search(a)
            case "get_provision": json = try provision(a)
            case "resolve_citation": json = try resolve(a)
            case "cited_by": json = try Self.encode(store.citedBy(try a.string("target", required: true)!))
            case "history": json = try history(a)
            case "compare_versions": json = try compare(a)
            case "check_citations":
                json = try Self.encode(store.checkAll(limit: try a.limit(), types: try a.string("type").map { [$0.uppercased()] } ?? []))
            case "list_versions": json = try versions(a)
            default:
                throw MCPError.methodNotFound("no tool \"\(name)\"; tools: \(ParagrafTools.names.joined(separator: ", "))")
            }
            return CallTool.Result(
                content: [.text(text: String(decoding: json, as: UTF8.self), annotations: nil, _meta: nil)], isError: false)
        } catch let error as MCPError {
            throw error
        } catch let error as StoreError {
            switch error {
            case .badRequest(let message): throw .invalidParams(message)
            case .notFound(let message): throw .serverError(code: Self.notFoundCode, message: message)
            default: throw .internalError(error.description)
            }
        } catch {
            throw .internalError(String(describing: error))
        }
    }

    // MARK: Tools

    private func search(_ a: Arguments) throws -> [UInt8] {
        var options = SearchOptions()
        options.date = try a.date("at")
        options.allVersions = try a.bool("all_versions")
        if options.allVersions && options.date != nil {
            throw MCPError.invalidParams("give --at DATE or --all-versions, not both")
        }
        options.types = try a.string("type").map { [$0.uppercased()] } ?? []
        options.work = try a.string("work")
        options.limit = try a.limit()
        return try Self.encode(store.search(try a.string("query", required: true)!, options: options))
    }

    private func provision(_ a: Arguments) throws -> [UInt8] {
        let address = try a.address("citation")
        let work = try work(a)
        let version: StoredVersion
        if let name = try a.string("version") {
            if try a.date("at") != nil { throw MCPError.invalidParams("give a version or --at DATE, not both") }
            version = try store.version(name, in: work)
        } else {
            guard let work else { throw StoreError.badRequest("name the work (see list_versions) or the version") }
            version = try store.version(of: work, inForceOn: try a.date("at") ?? LegalDate.today)
        }
        let shown = ShownProvision(try store.provision(address, in: version))
        return try Self.encode(shown, locations: shown.locations)
    }

    private func resolve(_ a: Arguments) throws -> [UInt8] {
        let citation = try a.string("citation", required: true)!
        let work = try work(a)
        let version: StoredVersion
        if let name = try a.string("version") {
            version = try store.version(name, in: work)
        } else {
            guard let work else { throw StoreError.badRequest("name the version the citation stands in (see list_versions)") }
            version = try store.version(of: work, inForceOn: LegalDate.today)
        }
        let parsed = try store.parsedDocument(of: version)
        return try Self.encode(ResolvedCitations.resolve(citation, from: try a.string("from"), in: parsed, version: version.name))
    }

    private func history(_ a: Arguments) throws -> [UInt8] {
        let address = try a.address("citation")
        let stored = try store.history(of: address, in: try a.string("version"), work: try work(a)?.id)
        return try Self.encode(HistoryListing(history: stored.history))
    }

    private func compare(_ a: Arguments) throws -> [UInt8] {
        let work = try work(a)
        let old = try store.version(try a.string("old", required: true)!, in: work)
        let new = try store.version(try a.string("new", required: true)!, in: work ?? (try store.work(old.work)))
        var diff = try store.compare(old, new)
        diff.alignment = Alignment(chapters: [], sections: [], subsections: [], items: [], annexes: [], preamble: [])
        diff.sections = []
        var bytes: [UInt8] = []
        try JSONReportFormatter().writeBytes(diff) { bytes += $0 }
        return bytes
    }

    private func versions(_ a: Arguments) throws -> [UInt8] {
        let works = try a.string("work").map { [try store.work($0)] } ?? (try store.works())
        var entries: [VersionsListing.Entry] = []
        for work in works { entries.append(.init(work: work, versions: try store.versions(of: work))) }
        return try Self.encode(VersionsListing(works: entries))
    }

    /// The work named, or the only one of the database, or nil.
    private func work(_ a: Arguments) throws -> StoredWork? {
        if let name = try a.string("work") { return try store.work(name) }
        let all = try store.works()
        return all.count == 1 ? all[0] : nil
    }

    static func encode<T: Encodable>(_ value: T, locations: SourceLocationConverter? = nil) throws -> [UInt8] {
        try PrettyJSONEncoder(userInfo: locations.map { [.sourceLocations: $0] } ?? [:]).encode(value)
    }
}
