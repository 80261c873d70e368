/// What ``StoreChoice/open(corpusDirectory:cacheDirectory:note:)`` tells the user; `description` is the line
/// to print (after the program's name).
public enum StoreNote: Sendable, Equatable, CustomStringConvertible {
    /// The bundled corpus's database is missing or outdated and is being built (it takes a few seconds, once).
    case buildingBundledDatabase
    /// The last import into the database at `path` was interrupted while linking: works and cross-document
    /// citations may be out of date until `paragraf import --db PATH` finishes them.
    case staleLinks(path: String)

    /// The line to print on standard error, without the program's name.
    public var description: String {
        switch self {
        case .buildingBundledDatabase:
            return "building the database of the bundled corpus (once)…"
        case .staleLinks(let path):
            return
                "warning: \(path): the last import was interrupted while linking; works and citations may be out of date (run `paragraf import --db \(path)` to finish)"
        }
    }
}
