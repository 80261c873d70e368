import Paragraf
import ParagrafDiff
import ParagrafStore

/// The JSON API: each route answers with the value the command line prints for `--format json`, encoded by the
/// same encoder (sorted keys, `schemaVersion`), followed by a newline as `print` adds one, so that an answer is
/// byte for byte the command's output.
///
/// | route | the command whose JSON it is |
/// |---|---|
/// | `GET /api/works?q=` | `paragraf works [QUERY]` (``WorksListing``) |
/// | `GET /api/works/{work}` | `paragraf versions WORK` (``VersionsListing``) |
/// | `GET /api/works/{work}/{version}/{address}` | `paragraf show --work WORK VERSION CITATION` (``ShownProvision``) |
/// | `GET /api/works/{work}/at/{date}/{address}` | `paragraf show --work WORK --at DATE CITATION` |
/// | `GET /api/works/{work}/history/{address}?in=` | `paragraf history CITATION --in VERSION` (``HistoryListing``) |
/// | `GET /api/works/{work}/compare/{old}/{new}` | `paragraf diff OLD NEW` (the diff JSON schema) |
/// | `GET /api/works/{work}/{version}/basis` | `paragraf basis WORK/VERSION` (``BasisResult``) |
/// | `GET /api/search?q=` | `paragraf search QUERY` (``SearchResults``) |
/// | `GET /api/cited-by?target=` | `paragraf cited-by TARGET` (``CitedByResult``) |
/// | `GET /api/check` | `paragraf check --all` (``CheckReport``) |
struct APIAnswers {
    let site: ParagrafSite

    func answer(_ route: SiteRoute) throws -> SiteResponse {
        let store = site.store
        switch route {
        case .works(let query):
            return try Self.json(WorksListing(query: query, works: store.works(matching: query)))
        case .api(.work(let name)):
            let work = try site.findWork(name)
            return try Self.json(VersionsListing(works: [.init(work: work, versions: try store.versions(of: work))]))
        case .api(.provision(let work, let version, let address)):
            let shown = ShownProvision(try store.provision(address, in: try site.findVersion(work, version)))
            return try Self.json(shown, locations: shown.locations)
        case .api(.provisionAt(let work, let date, let address)):
            let version = try store.version(of: try site.findWork(work), inForceOn: date)
            let shown = ShownProvision(try store.provision(address, in: version))
            return try Self.json(shown, locations: shown.locations)
        case .history(let work, let address, let version):
            let found = try site.findWork(work)
            let name = try version.map { try site.findVersion(found.id, $0).name }
            return try Self.json(HistoryListing(history: try store.history(of: address, in: name, work: found.id).history))
        case .api(.compare(let work, let old, let new)):
            let diff = try store.compare(try site.findVersion(work, old), try site.findVersion(work, new))
            var bytes: [UInt8] = []
            try JSONReportFormatter().writeBytes(diff) { bytes += $0 }
            return .json(bytes)
        case .basis(let work, let version):
            let found = try site.findVersion(work, version)
            return try Self.json(try store.basis(of: "\(found.work)/\(found.name)"))
        case .api(.search(let request)):
            return try Self.json(try store.search(request.query, options: request.searchOptions))
        case .citedBy(let target):
            return try Self.json(try store.citedBy(target))
        case .check(let limit, let types):
            return try Self.json(try store.checkAll(limit: limit, types: types))
        default:
            throw RequestProblem(status: 404, message: "no API answer for this page; the API is described at /api/openapi.json")
        }
    }

    /// `value` as the command line prints it: the pretty, sorted JSON and a newline.
    static func json<T: Encodable>(_ value: T, locations: SourceLocationConverter? = nil) throws -> SiteResponse {
        let encoder = PrettyJSONEncoder(userInfo: locations.map { [.sourceLocations: $0] } ?? [:])
        return .json(try encoder.encode(value) + [0x0A])
    }

    /// `{"error": {"message": …, "status": …}, "schemaVersion": 1}`.
    static func errorJSON(status: Int, message: String) -> [UInt8] {
        struct Failure: Encodable {
            struct Detail: Encodable {
                var message: String
                var status: Int
            }
            var schemaVersion = 1
            var error: Detail
        }
        return ((try? PrettyJSONEncoder().encode(Failure(error: .init(message: message, status: status)))) ?? []) + [0x0A]
    }
}
