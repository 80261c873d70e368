import Foundation
import Paragraf

/// Reads and prepares documents on a thread of its own while the database writes the ones before: parsing and
/// writing each take about half of an import, and a machine has more than one core. At most `capacity`
/// documents wait, so memory stays bounded.
final class PreparationQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [(item: PreparedItem, read: Int, bytes: Int)] = []
    private var finished = false
    private var stopped = false
    private let capacity: Int
    // Used by the preparing thread only.
    private let reader: ImportReader
    private let preparer: DocumentPreparer
    private var known: Set<String>
    private let isCancelled: @Sendable () -> Bool
    private var read = 0

    init(reader: ImportReader, preparer: DocumentPreparer, known: Set<String>, capacity: Int, isCancelled: @escaping @Sendable () -> Bool) {
        self.reader = reader
        self.preparer = preparer
        self.known = known
        self.capacity = capacity
        self.isCancelled = isCancelled
    }

    private var cancelled = false
    /// Whether the inputs ran out because of a cancellation.
    var wasCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }
    /// Bytes in all, when known.
    var totalBytes: Int? { reader.totalBytes }

    /// Starts the preparing thread.
    func start() {
        let thread = Thread { [self] in produce() }
        thread.name = "paragraf-import-prepare"
        thread.stackSize = 8 << 20
        thread.start()
    }

    private func produce() {
        while true {
            if isCancelled() {
                condition.lock()
                cancelled = true
                condition.unlock()
                break
            }
            let item: ImportItem?
            do {
                item = try reader.next()
            } catch {
                put(.error(error))
                break
            }
            guard let item else { break }
            read += 1
            let hash = item.rejection == nil && item.oversize == nil ? SHA256.hex(item.bytes) : nil
            let result: PreparedItem
            if let hash, known.contains(hash) {
                result = .unchanged(source: item.source)
            } else {
                switch preparer.prepare(item, sha256: hash) {
                case .success(let document):
                    known.insert(document.sha256)
                    result = .prepared(document)
                case .failure(let failure):
                    result = .failed(failure)
                }
            }
            if !put(result) { break }
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Hands over an item, waiting while the queue is full; false when the writer stopped.
    @discardableResult
    private func put(_ item: PreparedItem) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !stopped { condition.wait() }
        if stopped { return false }
        items.append((item, read, reader.bytesRead))
        condition.broadcast()
        return true
    }

    /// The next item with the inputs read and bytes read when it was made, waiting for it; nil when all are done.
    func next() -> (item: PreparedItem, read: Int, bytes: Int)? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !finished { condition.wait() }
        if items.isEmpty { return nil }
        let first = items.removeFirst()
        condition.broadcast()
        return first
    }

    /// Stops the preparing thread (the writer failed) and waits for it to end.
    func stop() {
        condition.lock()
        stopped = true
        items.removeAll()
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
