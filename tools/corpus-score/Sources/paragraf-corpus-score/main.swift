import Foundation
import Paragraf

// paragraf-corpus-score: the corpus scorer of issue 14 (see tools/README.md). Subcommands:
//   score    --input FILE [options]     the table: per type, layout and split (tuned / held-out)
//   failures --input FILE [options]     the wrong §§ with their lines, grouped by class (tuned documents only)
//   text ID  --input FILE [--layout N]  one document written out as the scorer gives it to the parser
//            [--provisions FROM-TO]      … or an excerpt of it (for fixtures)
//   write-texts DIR --input FILE       every document as a file in DIR, and all of them in DIR.all.txt
//   worker   …                          (internal) the child process that parses

let usageText = """
    usage: paragraf-corpus-score score --input FILE [--split tuned|held-out|all] [--layouts 1,2] [--limit N]
                                 [--timeout SECONDS] [--save TSV] [--compare TSV] [--doc ID]…
           paragraf-corpus-score failures --input FILE [--class N]… [--examples N] [--type BEK|LBK|LOV|amending|other]
                                 [--layouts 1,2] [--limit N] [--doc ID]…
           paragraf-corpus-score text ID --input FILE [--layout 1|2] [--provisions FROM-TO]
           paragraf-corpus-score write-texts DIR --input FILE [--layout 1|2] [--split tuned|held-out|all]

      FILE is documents-dev.jsonl(.zst) of ../shared/danish-law (streamed through `zstd -dc`).
      The held-out fifth (FNV-1a of the id, mod 5 = 0) is scored with --split held-out or all, never listed by
      `failures`. Example: tools/corpus-score.sh score --split all

    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("paragraf-corpus-score: \(message)\n".utf8))
    exit(64)
}

/// The options after the subcommand, as name → values (flags repeat).
struct Options {
    var values: [String: [String]] = [:]
    var positional: [String] = []

    init(_ arguments: ArraySlice<String>) {
        var i = arguments.startIndex
        while i < arguments.endIndex {
            let a = arguments[i]
            if a.hasPrefix("--") {
                guard i + 1 < arguments.endIndex else { fail("\(a) needs a value\n\(usageText)") }
                values[String(a.dropFirst(2)), default: []].append(arguments[i + 1])
                i += 2
            } else {
                positional.append(a)
                i += 1
            }
        }
    }

    func one(_ name: String) -> String? { values[name]?.last }

    func int(_ name: String) -> Int? {
        guard let text = one(name) else { return nil }
        guard let value = Int(text) else { fail("--\(name) wants a number, not \(text)") }
        return value
    }

    var input: String {
        guard let path = one("input") else { fail("--input FILE is required\n\(usageText)") }
        return path
    }

    var layouts: [Layout] {
        guard let text = one("layouts") ?? one("layout") else { return Layout.allCases }
        return text.split(separator: ",").map {
            guard let l = Int($0).flatMap(Layout.init) else { fail("layouts are 1 and 2, not \($0)") }
            return l
        }
    }

    var split: SplitFilter {
        guard let text = one("split") else { return .tuned }
        guard let s = SplitFilter(rawValue: text) else { fail("--split is tuned, held-out or all, not \(text)") }
        return s
    }

    /// The arguments a worker needs to read the same documents.
    func workerArguments(failures: Bool, split: SplitFilter) -> [String] {
        var args = ["--input", input, "--split", split.rawValue, "--layouts", layouts.map { String($0.rawValue) }.joined(separator: ",")]
        if let limit = int("limit") { args += ["--limit", String(limit)] }
        for id in values["doc"] ?? [] { args += ["--doc", id] }
        if failures { args += ["--failures", "1"] }
        return args
    }
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else { fail(usageText) }
let options = Options(arguments.dropFirst(2))

do {
    switch arguments[1] {
    case "worker":
        let worker = Worker(
            input: options.input, start: options.int("start") ?? 0, limit: options.int("limit"),
            failures: options.one("failures") == "1", split: options.split, layouts: options.layouts,
            onlyIDs: options.values["doc"].map(Set.init))
        try worker.run()
    case "score":
        try ScoreCommand(options: options).run()
    case "failures":
        try FailuresCommand(options: options).run()
    case "text":
        try TextCommand(options: options).run()
    case "write-texts":
        try WriteTextsCommand(options: options).run()
    case "-h", "--help", "help":
        print(usageText, terminator: "")
    default:
        fail("unknown subcommand \(arguments[1])\n\(usageText)")
    }
} catch {
    FileHandle.standardError.write(Data("paragraf-corpus-score: \(error)\n".utf8))
    exit(1)
}
