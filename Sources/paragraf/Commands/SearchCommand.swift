import ArgumentParser
import Foundation
import Paragraf
import ParagrafCommandLine
import ParagrafStore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the provisions of a corpus database, ranked, with the hit in context.",
        discussion: """
            Words must all occur in a provision (a stk., a § without stk., a preamble or an annex block); "a \
            phrase" in quotes must occur as written; word* matches every word that starts so; OR between two \
            terms takes either; -word excludes. Case and accents are folded, but æ, ø and å are letters of their \
            own: "år" never finds "ar". Ranked by bm25. By default only the versions in force today are searched \
            (--at DATE for another day, --all-versions for every version); one source per version.

            Examples:
              paragraf search tandregulering --db law.sqlite
              paragraf search "vederlagsfri tandpleje" --type BEK --limit 5 --db law.sqlite
              paragraf search "tandpleje*" --at 2015-01-01 --db law.sqlite
              paragraf search "hund OR kat -kvæg" --all-versions --format json --db law.sqlite
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "What to look for.") var query: String
    @Option(help: ArgumentHelp("Search the versions in force on this day (default: today).", valueName: "YYYY-MM-DD"))
    var at: String?
    @Flag(help: "Search every version, in force or not.") var allVersions = false
    @Option(help: ArgumentHelp("Only this document type (BEK, LBK, LOV, CIR, VEJ …); repeatable.", valueName: "TYPE"))
    var type: [String] = []
    @Option(help: ArgumentHelp("Only this work (see `paragraf works`).", valueName: "WORK")) var work: String?
    @Option(help: "At most this many hits.") var limit = 20
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func validate() throws {
        if at != nil && allVersions { throw ValidationError("give --at DATE or --all-versions, not both") }
        if let at, LegalDate(at) == nil { throw ValidationError("--at expects a date as YYYY-MM-DD, got \"\(at)\"") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open()
            var options = SearchOptions()
            options.date = at.flatMap(LegalDate.init)
            options.allVersions = allVersions
            options.types = type
            options.work = work
            options.limit = limit
            let results = try storeQuery { try store.search(query, options: options) }
            switch format {
            case .json:
                print(try Output.json(results))
            case .text:
                let bold = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
                for hit in results.hits {
                    var header = "\(hit.rank). \(hit.address) — \(hit.document.label) \(hit.document.title ?? "")"
                    var validity = hit.validFrom.map { "i kraft \($0) – \(hit.validTo?.description ?? "")" } ?? "i kraft ?"
                    if let work = hit.work { validity = "\(work), " + validity }
                    header += "  (\(validity))"
                    print(header)
                    print("   " + Self.marked(hit.context, hit.marks, bold: bold))
                }
                let scope = results.date.map { "in force on \($0)" } ?? "in all versions"
                let more = results.more ? " (more: raise --limit)" : ""
                Output.error("\(results.hits.count) provision\(results.hits.count == 1 ? "" : "s") \(scope)\(more)")
            }
            if results.hits.isEmpty { throw ExitCode(1) }
        }
    }

    /// `text` with the byte ranges `marks` in bold (on a terminal) or in brackets.
    static func marked(_ text: String, _ marks: [[Int]], bold: Bool) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var at = 0
        let (open, close) = bold ? ("\u{1B}[1m", "\u{1B}[0m") : ("[", "]")
        for mark in marks where mark.count == 2 && mark[0] >= at && mark[1] <= bytes.count && mark[0] < mark[1] {
            out += bytes[at..<mark[0]]
            out += Array(open.utf8) + bytes[mark[0]..<mark[1]] + Array(close.utf8)
            at = mark[1]
        }
        out += bytes[at...]
        return String(decoding: out, as: UTF8.self)
    }
}
