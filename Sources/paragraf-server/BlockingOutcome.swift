import Foundation

/// The end of an async task awaited by a synchronous command: nil, or why it failed.
final class BlockingOutcome: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var failure: String?

    /// Runs `body` in a detached task and blocks until it ends: nil when it returned, else its error.
    static func wait(for body: @escaping @Sendable () async throws -> Void) -> String? {
        let outcome = BlockingOutcome()
        Task.detached {
            do {
                try await body()
                outcome.finish(nil)
            } catch {
                outcome.finish("\(error)")
            }
        }
        return outcome.wait()
    }

    func finish(_ failure: String?) {
        lock.lock()
        self.failure = failure
        lock.unlock()
        done.signal()
    }

    func wait() -> String? {
        done.wait()
        lock.lock()
        defer { lock.unlock() }
        return failure
    }
}
