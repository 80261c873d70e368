import Foundation
import Paragraf
import ParagrafStore

/// The site and the API over one corpus database, read-only: a request's method and target in, a response out.
/// No socket here (``ParagrafServer`` puts it on HTTP), so that tests and the fuzzer can call it directly.
///
/// ```swift
/// let site = ParagrafSite(store: try ParagrafStore.open(at: "law.sqlite"))
/// let page = site.respond(method: "GET", target: "/works/tandpleje/2003/p17/stk3")
/// print(page.status)    // 200
/// ```
public final class ParagrafSite: Sendable {
    /// The database read.
    public let store: ParagrafStore
    /// Today, for the search's default ("versions in force today") and the home page.
    let today: LegalDate
    /// The provision pages' histories, computed once each.
    let histories = HistoryCache()

    /// A site over `store`.
    public init(store: ParagrafStore, today: LegalDate? = nil) {
        self.store = store
        self.today = today ?? LegalDate.today
    }

    /// The answer to `method` on `target` (the request line's path and query).
    public func respond(method: String, target: String) -> SiteResponse {
        let isAPI = target.hasPrefix("/api/") || target == "/api"
        var response: SiteResponse
        switch RequestReader.read(method: method, target: target) {
        case .failure(let problem):
            response = error(problem.status, problem.message, api: isAPI)
        case .success(let route):
            do {
                response = try answer(route)
            } catch let problem as RequestProblem {
                response = error(problem.status, problem.message, api: isAPI)
            } catch let failure as StoreError {
                response = error(Self.status(of: failure), failure.description, api: isAPI)
            } catch {
                response = self.error(500, "internal error: \(error)", api: isAPI)
            }
        }
        if method == "HEAD" { response.body = [] }
        return response
    }

    /// The answer to a route that was read.
    func answer(_ route: SiteRoute) throws -> SiteResponse {
        switch route {
        case .home(let titles): return .html(try HomePage(site: self, titles: titles).render())
        case .search(let request): return .html(try SearchPage(site: self, request: request).render())
        case .work(let work): return .html(try WorkPage(site: self, work: try findWork(work)).render())
        case .version(let work, let version):
            return .html(try VersionPage(site: self, version: try findVersion(work, version)).render())
        case .provision(let work, let version, let address):
            let found = try findVersion(work, version)
            return .html(try ProvisionPage(site: self, version: found, address: address, date: nil).render())
        case .provisionAt(let work, let date, let address):
            let found = try store.version(of: try findWork(work), inForceOn: date)
            return .html(try ProvisionPage(site: self, version: found, address: address, date: date).render())
        case .compare(let work, let old, let new):
            let (a, b) = (try findVersion(work, old), try findVersion(work, new))
            return .html(ComparePage.render(diff: try store.compare(a, b), old: a, new: b))
        case .find(let work, let version, let citation):
            let found = try findVersion(work, version)
            let address = try RequestReader.address(citation)
            let provision = try store.provision(address, in: found)
            let url = SiteURLs.provision(found.work, found.name, provision.node.id.description)
            return SiteResponse(status: 303, contentType: "text/plain; charset=utf-8", body: Array("See \(url)\n".utf8), location: url)
        case .stylesheet:
            return SiteResponse(status: 200, contentType: "text/css; charset=utf-8", body: Array(SiteStyle.css.utf8))
        case .openAPI:
            return .json(OpenAPIDocument.bytes)
        default:
            return try APIAnswers(site: self).answer(route)
        }
    }

    /// The work named in a URL; unknown: 404 naming the works there are.
    func findWork(_ name: String) throws -> StoredWork {
        let failure: StoreError
        do {
            return try store.work(name)
        } catch {
            failure = error
        }
        guard case .notFound(let message) = failure else { throw failure }
        let works = (try? store.works()) ?? []
        let names = works.prefix(12).map(\.id).joined(separator: ", ")
        throw StoreError.notFound(message + (works.isEmpty ? "" : "; works: \(names)\(works.count > 12 ? ", …" : "")"))
    }

    /// The version a URL segment names in a work ("2003", "1077-2020" for "1077/2020"); unknown: 404 naming the
    /// versions of the work.
    func findVersion(_ work: String, _ segment: String) throws -> StoredVersion {
        let found = try findWork(work)
        var failure: StoreError?
        for name in SiteURLs.versionNames(segment) {
            do {
                return try store.version(name, in: found)
            } catch {
                failure = failure ?? error
            }
        }
        throw failure ?? StoreError.notFound("no version \"\(segment)\" of \(found.id)")
    }

    /// The error page or JSON error.
    func error(_ status: Int, _ message: String, api: Bool) -> SiteResponse {
        if api { return .json(APIAnswers.errorJSON(status: status, message: message), status: status) }
        let title = Self.reason(status)
        let page = Page(
            title: title, heading: "\(status) \(title)",
            main: "<p class=\"error\">\(HTML.escape(message))</p>"
                + "<p><a href=\"/\">Home</a> · <a href=\"/search\">Search</a></p>")
        return .html(page.render(), status: status)
    }

    /// The HTTP status of a store error: 400 for a request that cannot be read, 404 for what is not there.
    static func status(of error: StoreError) -> Int {
        switch error {
        case .badRequest: return 400
        case .notFound: return 404
        default: return 500
        }
    }

    /// The reason phrase of a status.
    static func reason(_ status: Int) -> String {
        switch status {
        case 400: return "Bad request"
        case 404: return "Not found"
        case 405: return "Method not allowed"
        case 414: return "Request target too long"
        default: return "Server error"
        }
    }
}
