import GRDB

extension StoreError {
    /// Translates an SQLite error met while using the database at `path`.
    static func wrapping(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else { return .unavailable(path: path, detail: String(describing: error)) }
        let detail = error.message ?? "SQLite error \(error.resultCode.rawValue)"
        switch error.resultCode.primaryResultCode {
        case .SQLITE_NOTADB: return .notADatabase(path: path, detail: detail)
        case .SQLITE_CORRUPT: return .corrupt(path: path, detail: detail)
        case .SQLITE_IOERR where error.extendedResultCode.rawValue == ResultCode.SQLITE_IOERR_SHORT_READ.rawValue:
            return .corrupt(path: path, detail: "a read past the end of the file: \(detail)")
        default: return .unavailable(path: path, detail: detail)
        }
    }
}
