import ArgumentParser
import Foundation
import Paragraf
import ParagrafCommandLine
import ParagrafStore
import Synchronization

/// The progress line of an import on a terminal: documents, documents/s, MB/s and an ETA when the size is known.
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ p: ImportProgress) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let seconds = max(p.seconds, 0.001)
        var line = String(
            format: "%@ %d documents (%d failed)  %.0f docs/s  %.1f MB/s", p.phase, p.read, p.failed, Double(p.read) / seconds,
            Double(p.bytes) / 1e6 / seconds)
        if let total = p.totalBytes, total > 0 {
            let fraction = min(1, Double(p.bytes) / Double(total))
            let width = 24
            let filled = Int(fraction * Double(width))
            line = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] " + line
            if fraction > 0.01, p.phase == "importing" {
                let left = seconds * (1 - fraction) / fraction
                line += String(format: "  ETA %d:%02d", Int(left) / 60, Int(left) % 60)
            }
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        shown = true
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
