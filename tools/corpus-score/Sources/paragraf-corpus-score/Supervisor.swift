import Foundation

/// Runs the worker in a child process and collects its lines. A worker that dies on a document (crash) or
/// spends longer than the time limit on one (hang) is recorded against that document, and a new worker
/// carries on after it.
struct Supervisor {
    var workerArguments: [String]
    var timeLimit: Double

    /// What a worker said about the documents (`B`, `R`, `F`, `E` lines), plus the crashes and hangs.
    struct Event {
        enum Kind { case begin, result, failure, crash, hang }
        var kind: Kind
        var fields: [Substring]
    }

    func run(_ handle: (Event) -> Void) throws {
        var start = 0
        while true {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
            process.arguments = ["worker", "--start", String(start)] + workerArguments
            var environment = ProcessInfo.processInfo.environment
            environment["SWIFT_BACKTRACE"] = "enable=no"
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let fd = pipe.fileHandleForReading.fileDescriptor
            var pending: [UInt8] = []
            var current: [Substring]?  // the B line of the document being parsed
            var documentStart = monotonicSeconds()
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            var outcome: Event.Kind?
            reading: while true {
                var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let waitMs = current == nil ? 1000 : max(1, Int32((timeLimit - (monotonicSeconds() - documentStart)) * 1000))
                let ready = poll(&pfd, 1, waitMs)
                if ready == 0 {
                    if current != nil, monotonicSeconds() - documentStart >= timeLimit {
                        kill(process.processIdentifier, SIGKILL)
                        outcome = .hang
                        break reading
                    }
                    continue
                }
                let count = read(fd, &chunk, chunk.count)
                if count <= 0 { break reading }
                pending.append(contentsOf: chunk[0..<count])
                var lineStart = 0
                while let newline = pending[lineStart...].firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[lineStart..<newline], as: UTF8.self)
                    lineStart = newline + 1
                    let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                    switch fields.first {
                    case "B":
                        current = fields
                        documentStart = monotonicSeconds()
                        handle(Event(kind: .begin, fields: fields))
                    case "R": handle(Event(kind: .result, fields: fields))
                    case "F": handle(Event(kind: .failure, fields: fields))
                    case "E": current = nil
                    case "X": FileHandle.standardError.write(Data("line \(fields.dropFirst().first ?? ""): not a document\n".utf8))
                    default: break
                    }
                }
                pending.removeSubrange(0..<lineStart)
            }
            process.waitUntilExit()
            guard let begun = current else {
                if process.terminationStatus != 0 {
                    FileHandle.standardError.write(Data("worker stopped with status \(process.terminationStatus) between documents\n".utf8))
                }
                return
            }
            // The worker stopped inside a document: a crash (or the hang just killed).
            handle(Event(kind: outcome ?? .crash, fields: begun))
            start = (Int(begun[1]) ?? start) + 1
        }
    }
}
