import Foundation

/// What can go wrong opening or querying a corpus database. Each case prints as a message a user can act on.
public enum StoreError: Error, CustomStringConvertible, Equatable, Sendable {
    /// No file at the path (and the store was opened read-only).
    case missing(path: String)
    /// The file is not an SQLite database at all.
    case notADatabase(path: String, detail: String)
    /// An SQLite database, but not one Paragraf made.
    case foreignDatabase(path: String)
    /// The file is shorter than its header says: a copy or download that stopped early.
    case truncated(path: String, expected: Int, actual: Int)
    /// SQLite found damaged pages.
    case corrupt(path: String, detail: String)
    /// Made by a newer Paragraf, with a schema this one does not know.
    case newerSchema(path: String, migrations: [String])
    /// Made by an older Paragraf and opened read-only, so it cannot be migrated.
    case olderSchema(path: String)
    /// The database cannot be opened or written (permissions, a full disk, a lock held too long).
    case unavailable(path: String, detail: String)
    /// A work, version, document or provision the query names is not in the database.
    case notFound(String)
    /// The request cannot be read (a malformed designation or citation); exit status 64 on the command line.
    case badRequest(String)
    /// The input to import could not be read.
    case unreadableInput(String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "no database at \(path): build one with `paragraf import FILE… --db \(path)`"
        case .notADatabase(let path, let detail):
            return "\(path) is not a Paragraf database: it is not an SQLite file (\(detail))"
        case .foreignDatabase(let path):
            return "\(path) is an SQLite database, but not one Paragraf made (its application id differs); refusing to use it"
        case .truncated(let path, let expected, let actual):
            return
                "\(path) is truncated: its header says \(expected) bytes, the file has \(actual); the copy stopped early. Delete it and import again"
        case .corrupt(let path, let detail):
            return "\(path) is damaged (\(detail)). Delete it and import again"
        case .newerSchema(let path, let migrations):
            return
                "\(path) was made by a newer Paragraf (schema steps \(migrations.joined(separator: ", ")) are unknown here); update paragraf"
        case .olderSchema(let path):
            return "\(path) was made by an older Paragraf; open it for writing once to migrate it: `paragraf import --db \(path)`"
        case .unavailable(let path, let detail):
            return "cannot use \(path): \(detail)"
        case .notFound(let message), .badRequest(let message), .unreadableInput(let message):
            return message
        }
    }
}
