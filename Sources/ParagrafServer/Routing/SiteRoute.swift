import Paragraf

/// What a request asks for, read from its method, path and query by ``RequestReader``: a page or an API answer.
///
/// Every page has a stable URL a jurist can paste into a brief:
///
/// | route | URL |
/// |---|---|
/// | ``home(titles:)`` | `/`, `/?titles=tandpleje` |
/// | ``search(_:)`` | `/search?q=tandregulering&at=2015-01-01&type=BEK&work=tandpleje&all=1&limit=20` |
/// | ``work(_:)`` | `/works/tandpleje` |
/// | ``version(work:version:)`` | `/works/tandpleje/2003` (a number/year name: `/works/tandpleje/1077-2020`) |
/// | ``provision(work:version:address:)`` | `/works/tandpleje/2003/p17/stk3` |
/// | ``provisionAt(work:date:address:)`` | `/works/tandpleje/at/2010-01-01/p10` |
/// | ``compare(work:old:new:)`` | `/works/tandpleje/compare/2003/2020` |
/// | ``find(work:version:citation:)`` | `/works/tandpleje/2003?citation=§ 17, stk. 3` (redirects to the provision) |
///
/// The API answers the same paths under `/api` (`/api/works/tandpleje/2003/p17/stk3`), plus `/api/cited-by`,
/// `/api/check` and `/api/openapi.json`.
public enum SiteRoute: Hashable, Sendable {
    /// The home page: search box, works (those whose title has the words `titles`, when given), recent versions.
    case home(titles: String?)
    /// Search results.
    case search(SearchRequest)
    /// A work: its versions on a timeline.
    case work(String)
    /// A version: table of contents and metadata.
    case version(work: String, version: String)
    /// A provision at a version.
    case provision(work: String, version: String, address: Address)
    /// A provision at a date: the version of the work in force that day.
    case provisionAt(work: String, date: LegalDate, address: Address)
    /// The change report between two versions.
    case compare(work: String, old: String, new: String)
    /// A citation typed into a version's "go to" box: redirects to the provision's stable URL.
    case find(work: String, version: String, citation: String)
    /// The style sheet.
    case stylesheet
    /// The API: a route above answered in JSON.
    indirect case api(SiteRoute)
    /// `GET /api/works?q=…`: the works whose title matches.
    case works(query: String?)
    /// `GET /api/works/{work}/history/{address}?in=VERSION`.
    case history(work: String, address: Address, version: String?)
    /// `GET /api/cited-by?target=…`: every provision of the corpus citing a provision of a work.
    case citedBy(target: String)
    /// `GET /api/check?limit=…&type=…`: the unresolved citations of the whole corpus.
    case check(limit: Int, types: [String])
    /// `GET /api/works/{work}/{version}/basis`: a version's legal basis, resolved.
    case basis(work: String, version: String)
    /// `GET /api/openapi.json`.
    case openAPI
}
