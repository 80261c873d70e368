import Foundation

/// Looks at a database file's header before SQLite opens it, so that a file that is not a database or was cut
/// short is named as such (SQLite itself would open a truncated file and fail later, deep in a query).
enum DatabaseFileCheck {
    /// The result of looking at a path.
    enum State: Equatable {
        /// No file, or an empty one: a new database can be made there.
        case absent
        /// A whole SQLite file.
        case sqlite
    }

    /// Checks `path`: an SQLite header, and at least as many bytes as the header's page count says.
    /// - Complexity: reads the first 100 bytes.
    static func check(_ path: String) throws(StoreError) -> State {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .absent }
        if isDirectory.boolValue { throw .unavailable(path: path, detail: "it is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unavailable(path: path, detail: "the file cannot be read (permissions?)")
        }
        defer { try? handle.close() }
        let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? header.count
        if header.isEmpty { return .absent }
        let magic = Array("SQLite format 3\u{0}".utf8)
        guard header.count >= magic.count, Array(header[0..<magic.count]) == magic else {
            throw .notADatabase(path: path, detail: "the first bytes are not \"SQLite format 3\"")
        }
        guard header.count == 100 else { throw .truncated(path: path, expected: 100, actual: size) }
        func be32(_ i: Int) -> Int { Int(header[i]) << 24 | Int(header[i + 1]) << 16 | Int(header[i + 2]) << 8 | Int(header[i + 3]) }
        var pageSize = Int(header[16]) << 8 | Int(header[17])
        if pageSize == 1 { pageSize = 65536 }
        let pages = be32(28)
        // The page count is valid only when the "version valid for" number equals the change counter.
        if pages > 0, be32(92) == be32(24), pageSize >= 512 {
            let expected = pages * pageSize
            if size < expected { throw .truncated(path: path, expected: expected, actual: size) }
        }
        return .sqlite
    }
}
