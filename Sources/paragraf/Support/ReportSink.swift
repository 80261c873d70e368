import ArgumentParser
import Foundation
import Paragraf
import ParagrafCommandLine
import ParagrafStore
import ParagrafXML

/// Writes a report that arrives in pieces to standard output or, through a temporary file renamed at the
/// end, to a file, so that a large report is never held whole and a failed write leaves no half file.
final class ReportSink {
    private let descriptor: Int32
    private let path: String?
    private let temporary: String?
    private var buffer: [UInt8] = []
    private var finished = false

    /// A sink for `path`, or for standard output when nil.
    init(path: String?) throws {
        self.path = path
        guard let path else {
            descriptor = STDOUT_FILENO
            temporary = nil
            return
        }
        let temporary = path + ".partial-\(getpid())"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        self.temporary = temporary
    }

    /// Appends `piece`, writing out whenever a megabyte has gathered.
    func write(_ piece: String) throws {
        buffer.append(contentsOf: piece.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends the UTF-8 bytes `piece`, writing out whenever a megabyte has gathered.
    func write(_ piece: [UInt8]) throws {
        buffer.append(contentsOf: piece)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes the buffer out (all of it: `write` may take less than it is given).
    private func flush() throws {
        try buffer.withUnsafeBytes { bytes in
            var done = 0
            while done < bytes.count {
                let n = systemWrite(descriptor, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw failure() }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and, for a file, closes it and moves it into place.
    func finish() throws {
        try flush()
        finished = true
        guard let path, let temporary else { return }
        guard close(descriptor) == 0, rename(temporary, path) == 0 else {
            let error = failure()
            unlink(temporary)
            throw error
        }
    }

    /// A report that was not finished (a write or the rendering failed) leaves no temporary file behind.
    deinit {
        if !finished, let temporary {
            close(descriptor)
            unlink(temporary)
        }
    }

    private func failure() -> CLIError {
        CLIError("cannot write \(path ?? "standard output"): \(String(cString: strerror(errno)))")
    }
}

/// The system's `write(2)` (inside ``ReportSink`` the name is its own method's).
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
