// libFuzzer target for the request reader of `paragraf serve` (tools/fuzz.sh request N). Compiled into one
// module with Sources/Paragraf and the server's routing files (no Hummingbird, no database). The input's first
// line is the method, the rest the request target, as the network sends them. Checks:
// - reading never crashes or hangs, whatever the bytes;
// - a refusal has one of the statuses 400, 404, 405, 414 and a short, non-empty message;
// - a method other than GET or HEAD is always refused with 405;
// - a target that is read again as it was yields the same route (the reader is deterministic);
// - every stable URL the site writes for a route read is read back to a route (no link the site prints is refused).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func paragrafFuzzRequest(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    let parts = input.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    let method = parts.count > 1 ? String(parts[0]) : "GET"
    let target = String(parts.count > 1 ? parts[1] : parts[0])
    let first = RequestReader.read(method: method, target: target)
    switch first {
    case .failure(let problem):
        FuzzChecks.require([400, 404, 405, 414].contains(problem.status), "status \(problem.status) for \(target)")
        FuzzChecks.require(!problem.message.isEmpty && problem.message.utf8.count < 2_000, "message of \(problem.status)")
        if method != "GET" && method != "HEAD" { FuzzChecks.require(problem.status == 405, "\(method) not refused") }
    case .success(let route):
        FuzzChecks.require(method == "GET" || method == "HEAD", "\(method) was read")
        if case .success(let again) = RequestReader.read(method: method, target: target) {
            FuzzChecks.require(again == route, "a second read differs")
        } else {
            FuzzChecks.require(false, "a second read fails")
        }
        var urls: [String] = []
        switch route {
        case .work(let work): urls.append(SiteURLs.work(work))
        case .version(let work, let version): urls.append(SiteURLs.version(work, version))
        case .compare(let work, let old, let new): urls.append(SiteURLs.compare(work, old, new))
        case .search(let request): urls.append(SiteURLs.search(request))
        default: break
        }
        for url in urls {
            if case .failure(let problem) = RequestReader.read(method: "GET", target: url) {
                FuzzChecks.require(false, "the site's own URL \(url) is refused: \(problem)")
            }
        }
    }
    return 0
}
