import ArgumentParser
import Foundation
import Paragraf

/// The outcomes of a window of documents parsed concurrently, each written once by the worker that parsed it.
final class BatchOutcomes: @unchecked Sendable {
    private var slots: [ParseCommand.Outcome]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: ParseCommand.Outcome(), count: count) }

    func set(_ index: Int, _ outcome: ParseCommand.Outcome) {
        lock.lock()
        slots[index] = outcome
        lock.unlock()
    }

    var all: [ParseCommand.Outcome] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
