import GRDB
import GRDBSQLite

/// Binds one row's values straight into a prepared statement and runs it: the import writes millions of rows,
/// and GRDB's `StatementArguments` box every value (a third of the writer's time went there).
struct RowBinder {
    private let statement: OpaquePointer
    private let connection: OpaquePointer
    private var index: Int32 = 0

    /// SQLite copies the bytes it is given (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    init(_ statement: Statement, _ db: Database) {
        self.statement = statement.sqliteStatement
        self.connection = db.sqliteConnection!
        sqlite3_reset(self.statement)
        sqlite3_clear_bindings(self.statement)
    }

    mutating func bind(_ value: Int64?) {
        index += 1
        if let value { sqlite3_bind_int64(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    mutating func bind(_ value: Int?) { bind(value.map(Int64.init)) }

    mutating func bind(_ value: String?) {
        index += 1
        guard var value else {
            sqlite3_bind_null(statement, index)
            return
        }
        let i = index
        _ = value.withUTF8 { utf8 in
            if let base = utf8.baseAddress {
                base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                    sqlite3_bind_text(statement, i, $0, Int32(utf8.count), Self.transient)
                }
            } else {
                sqlite3_bind_text(statement, i, "", 0, Self.transient)
            }
        }
    }

    mutating func bind(blob value: [UInt8]?) {
        index += 1
        guard let value else {
            sqlite3_bind_null(statement, index)
            return
        }
        let i = index
        _ = value.withUnsafeBytes { bytes in
            if let base = bytes.baseAddress {
                sqlite3_bind_blob(statement, i, base, Int32(bytes.count), Self.transient)
            } else {
                sqlite3_bind_zeroblob(statement, i, 0)
            }
        }
    }

    /// Runs the statement once with the values bound.
    func run() throws {
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(connection))
            sqlite3_reset(statement)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
        sqlite3_reset(statement)
    }
}
