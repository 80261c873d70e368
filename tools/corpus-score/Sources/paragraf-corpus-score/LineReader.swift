import Foundation

/// Reads a JSON-lines file a line at a time: plain, or through `zstd -dc` when the name ends in ".zst".
final class LineReader {
    private let handle: FileHandle
    private let process: Process?
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false

    init(path: String) throws {
        if path.hasSuffix(".zst") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["zstd", "-dc", "--", path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            self.process = process
            handle = pipe.fileHandleForReading
        } else {
            guard let h = FileHandle(forReadingAtPath: path) else {
                throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
            }
            process = nil
            handle = h
        }
    }

    deinit {
        if let process, process.isRunning { process.terminate() }
    }

    /// The next line without its line feed, or nil at the end.
    func next() -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                let line = buffer[position..<newline]
                position = newline + 1
                return line
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let line = buffer[position...]
                position = buffer.count
                return line
            }
            // Keep the unread rest, then read on.
            if position > 0 {
                buffer.removeSubrange(0..<position)
                position = 0
            }
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
