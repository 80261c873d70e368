// Query latencies of a corpus database, for tools/store-bench.sh: each search (or cited-by) is run REPEAT
// times in this process on one open store, and the best time of each is printed in milliseconds, one per line,
// in the order of the input file.
//
//   paragraf-store-bench search DB QUERIES REPEAT [--all-versions]
//   paragraf-store-bench cited-by DB TARGETS REPEAT
import Foundation
import ParagrafStore

let arguments = CommandLine.arguments
guard arguments.count >= 5, let repeatCount = Int(arguments[4]), ["search", "cited-by"].contains(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: paragraf-store-bench search|cited-by DB FILE REPEAT [--all-versions]\n".utf8))
    exit(64)
}
let store: ParagrafStore
do {
    store = try ParagrafStore.open(at: arguments[2], mode: .readOnly)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
let lines =
    (try? String(contentsOfFile: arguments[3], encoding: .utf8))?.split(separator: "\n").map(String.init)
    .filter { !$0.isEmpty && !$0.hasPrefix("#") } ?? []
var options = SearchOptions()
options.allVersions = arguments.contains("--all-versions")
var failures = 0
for line in lines {
    var best = Double.infinity
    for _ in 0..<repeatCount {
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            if arguments[1] == "search" {
                _ = try store.search(line, options: options)
            } else {
                _ = try store.citedBy(line)
            }
        } catch {
            failures += 1
        }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    print(String(format: "%.3f", best))
}
if failures > 0 { FileHandle.standardError.write(Data("\(failures / max(1, repeatCount)) queries failed\n".utf8)) }
