/// What to import: files and folders, or standard input.
public enum ImportInput: Sendable, Hashable, CustomStringConvertible {
    /// A file (text, LexDania XML, HTML, a dataset JSON document, or JSON lines of them) or a folder of such
    /// files, read recursively. A folder with a corpus `manifest.json` is imported as that work.
    case path(String)
    /// Standard input: JSON lines (or concatenated JSON documents), or one document in any other format.
    case standardInput

    /// "-" for standard input, else the path.
    public var description: String {
        switch self {
        case .path(let path): path
        case .standardInput: "-"
        }
    }

    /// `-` is standard input, anything else a path.
    public init(argument: String) {
        self = argument == "-" ? .standardInput : .path(argument)
    }
}
