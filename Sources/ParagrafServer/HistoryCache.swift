import Foundation
import Paragraf
import ParagrafStore

/// The histories the provision pages show, kept once computed: a history reads and aligns every version of the
/// work (the bulk of a provision page's time), and the database is read-only while served. Bounded: at most
/// ``capacity`` entries, the cache emptied when full.
final class HistoryCache: @unchecked Sendable {
    /// The most histories kept.
    static let capacity = 2_048

    private let lock = NSLock()
    private var entries: [String: Result<StoredHistory, StoreError>] = [:]

    /// The history of `address` read in `version` of `work`, computed by `make` the first time.
    func history(
        work: String, version: String, address: Address, make: () throws(StoreError) -> StoredHistory
    ) throws(StoreError) -> StoredHistory {
        let key = "\(work)\u{0}\(version)\u{0}\(address)"
        lock.lock()
        let known = entries[key]
        lock.unlock()
        if let known { return try known.get() }
        let made: Result<StoredHistory, StoreError>
        do { made = .success(try make()) } catch { made = .failure(error) }
        lock.lock()
        if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = made
        lock.unlock()
        return try made.get()
    }
}
