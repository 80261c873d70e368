import Foundation
import Paragraf

/// Reads a request's method and target (`/works/tandpleje/2003/p17/stk3?x=y`) into a ``SiteRoute``.
///
/// It never trusts the target: it is bounded in length, percent-escapes are decoded once and must give UTF-8,
/// "." and ".." segments and encoded slashes are refused (nothing is ever read from a file by path, but a link
/// that walks up must not look as if it worked), control characters are refused, and the query string is
/// bounded in parameters and length. A malformed address or date answers 400 with the message the command line
/// gives for it.
public enum RequestReader {
    /// The longest request target read (path and query).
    public static let maxTargetLength = 8_192
    /// The longest search query or citation, in bytes.
    public static let maxQueryLength = 500
    /// The most hits a search returns, and the most cases `check` lists.
    public static let maxResults = 200
    /// The most query parameters read.
    public static let maxParameters = 32
    /// The most path segments read.
    public static let maxSegments = 16

    /// The route `target` asks for with `method`.
    public static func read(method: String, target: String) -> Result<SiteRoute, RequestProblem> {
        do {
            return .success(try route(method: method, target: target))
        } catch {
            return .failure(error)
        }
    }

    /// The route, or the problem.
    static func route(method: String, target: String) throws(RequestProblem) -> SiteRoute {
        guard method == "GET" || method == "HEAD" else {
            throw RequestProblem(status: 405, message: "paragraf serve is read-only: it answers GET and HEAD, not \(printable(method))")
        }
        guard target.utf8.count <= maxTargetLength else {
            throw RequestProblem(
                status: 414, message: "the request target has \(target.utf8.count) bytes; at most \(maxTargetLength) are read")
        }
        let (rawPath, rawQuery) = split(target)
        guard rawPath.hasPrefix("/") else {
            throw RequestProblem(status: 400, message: "the request target must start with \"/\"")
        }
        let segments = try pathSegments(rawPath)
        let query = try QueryParameters(rawQuery)
        if segments.first == "api" { return try apiRoute(Array(segments.dropFirst()), query) }
        return try pageRoute(segments, query)
    }

    /// Path and query of a target (the fragment, which a browser never sends, is dropped with the query).
    private static func split(_ target: String) -> (Substring, Substring) {
        let noFragment = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let parts = noFragment.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return (parts.first ?? "", parts.count > 1 ? parts[1] : "")
    }

    /// The decoded, checked segments of a path; empty segments ("//", a trailing "/") are dropped.
    static func pathSegments(_ path: Substring) throws(RequestProblem) -> [String] {
        var segments: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: true) {
            guard segments.count < maxSegments else {
                throw RequestProblem(status: 404, message: "no page has more than \(maxSegments) path segments")
            }
            let decoded = try PercentDecoding.decode(raw, plusIsSpace: false)
            if decoded == "." || decoded == ".." {
                throw RequestProblem(status: 400, message: "path traversal refused: \"\(decoded)\" is not a path segment here")
            }
            if decoded.contains("/") || decoded.contains("\\") {
                throw RequestProblem(status: 400, message: "path traversal refused: an encoded slash in \"\(printable(decoded))\"")
            }
            try PercentDecoding.checkPrintable(decoded, what: "the path")
            segments.append(decoded)
        }
        return segments
    }

    // MARK: Pages

    private static func pageRoute(_ s: [String], _ q: QueryParameters) throws(RequestProblem) -> SiteRoute {
        switch s.count {
        case 0:
            let titles = try q.single("titles")
            if let titles { try checkLength(titles, "the title words") }
            return .home(titles: titles?.isEmpty == true ? nil : titles)
        case 1 where s[0] == "search": return .search(try searchRequest(q, required: false))
        case 1 where s[0] == "style.css": return .stylesheet
        default: break
        }
        guard s[0] == "works", s.count >= 2 else { throw notFound(s) }
        let work = s[1]
        if s.count == 2 { return .work(work) }
        if s[2] == "compare" {
            guard s.count == 5 else {
                throw RequestProblem(status: 404, message: "a change report is /works/\(work)/compare/OLD/NEW")
            }
            return .compare(work: work, old: s[3], new: s[4])
        }
        if s[2] == "at" {
            guard s.count >= 5 else {
                throw RequestProblem(
                    status: 404,
                    message: "a provision at a date is /works/\(work)/at/YYYY-MM-DD/ADDRESS, e.g. /works/\(work)/at/2010-01-01/p10")
            }
            return .provisionAt(work: work, date: try date(s[3]), address: try address(s[4...].joined(separator: "/")))
        }
        if s.count == 3 {
            if let citation = try q.single("citation") {
                try checkLength(citation, "the citation")
                return .find(work: work, version: s[2], citation: citation)
            }
            return .version(work: work, version: s[2])
        }
        return .provision(work: work, version: s[2], address: try address(s[3...].joined(separator: "/")))
    }

    // MARK: API

    private static func apiRoute(_ s: [String], _ q: QueryParameters) throws(RequestProblem) -> SiteRoute {
        switch s.first {
        case "openapi.json" where s.count == 1: return .openAPI
        case "works" where s.count == 1:
            let query = try q.single("q")
            if let query { try checkLength(query, "the query") }
            return .works(query: query?.isEmpty == true ? nil : query)
        case "search" where s.count == 1: return .api(.search(try searchRequest(q, required: true)))
        case "cited-by" where s.count == 1:
            guard let target = try q.single("target"), !target.isEmpty else {
                throw RequestProblem(status: 400, message: "give the provision cited: ?target=sundhedsloven%20§%20135")
            }
            try checkLength(target, "the target")
            return .citedBy(target: target)
        case "check" where s.count == 1:
            return .check(limit: try limit(q, default: 20), types: try types(q))
        case "works" where s.count >= 4 && s[2] == "history":
            return .history(work: s[1], address: try address(s[3...].joined(separator: "/")), version: try q.single("in"))
        case "works" where s.count == 4 && s[3] == "basis":
            return .basis(work: s[1], version: s[2])
        default:
            let page = try pageRoute(s, q)
            switch page {
            case .home, .stylesheet, .find: throw notFound(["api"] + s)
            default: return .api(page)
            }
        }
    }

    // MARK: Parameters

    private static func searchRequest(_ q: QueryParameters, required: Bool) throws(RequestProblem) -> SearchRequest {
        let text = (try q.single("q")) ?? ""
        try checkLength(text, "the query")
        if required && text.trimmingCharacters(in: .whitespaces).isEmpty {
            throw RequestProblem(status: 400, message: "give a query: ?q=tandregulering")
        }
        var request = SearchRequest(query: text)
        if let at = try q.single("at"), !at.isEmpty { request.date = try date(at) }
        request.allVersions = try q.flag("all")
        if request.allVersions && request.date != nil {
            throw RequestProblem(status: 400, message: "give --at DATE or --all-versions, not both")
        }
        request.types = try types(q)
        if let work = try q.single("work"), !work.isEmpty { request.work = work }
        request.limit = try limit(q, default: 20)
        return request
    }

    private static func types(_ q: QueryParameters) throws(RequestProblem) -> [String] {
        var types: [String] = []
        for value in q.all("type") where !value.isEmpty {
            guard value.utf8.count <= 8, value.allSatisfy({ $0.isLetter || $0 == " " }) else {
                throw RequestProblem(status: 400, message: "a document type is a word such as BEK, LBK or LOV, not \"\(printable(value))\"")
            }
            types.append(value.uppercased())
        }
        return types
    }

    private static func limit(_ q: QueryParameters, default value: Int) throws(RequestProblem) -> Int {
        guard let text = try q.single("limit"), !text.isEmpty else { return value }
        guard let n = Int(text), n >= 1 else {
            throw RequestProblem(status: 400, message: "--limit must be at least 1, got \"\(printable(text))\"")
        }
        return min(n, maxResults)
    }

    /// A date in a path or query: the message is the command line's for `--at`.
    static func date(_ text: String) throws(RequestProblem) -> LegalDate {
        guard let date = LegalDate(text) else {
            throw RequestProblem(status: 400, message: "--at expects a date as YYYY-MM-DD, got \"\(printable(text))\"")
        }
        return date
    }

    /// An address as the command line reads it: a citation ("§ 17, stk. 3") or a node id ("p17/stk3").
    static func address(_ text: String) throws(RequestProblem) -> Address {
        try checkLength(text, "the address")
        do {
            return try Address.parse(text)
        } catch {
            throw RequestProblem(status: 400, message: String(describing: error))
        }
    }

    private static func checkLength(_ text: String, _ what: String) throws(RequestProblem) {
        guard text.utf8.count <= maxQueryLength else {
            throw RequestProblem(status: 400, message: "\(what) has \(text.utf8.count) bytes; at most \(maxQueryLength) are read")
        }
    }

    private static func notFound(_ segments: [String]) -> RequestProblem {
        RequestProblem(
            status: 404,
            message:
                "no page at /\(printable(segments.joined(separator: "/"))); pages: /, /search?q=…, /works/WORK, /works/WORK/VERSION, /works/WORK/VERSION/ADDRESS, /works/WORK/at/DATE/ADDRESS, /works/WORK/compare/OLD/NEW, and the API under /api (see /api/openapi.json)"
        )
    }

    /// `text` cut to 80 characters for a message.
    static func printable(_ text: String) -> String {
        text.count > 80 ? String(text.prefix(80)) + "…" : text
    }
}
