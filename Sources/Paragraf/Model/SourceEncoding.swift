/// How the input bytes were read.
public enum SourceEncoding: String, Codable, Hashable, Sendable {
    /// Valid UTF-8.
    case utf8
    /// UTF-8 with a byte order mark.
    case utf8BOM
    /// Not UTF-8: decoded as Windows-1252 (a superset of ISO-8859-1).
    case windows1252
    /// Mostly UTF-8 with some invalid bytes decoded as Windows-1252.
    case mixed
}
