import Foundation

/// Errors loading the corpus. Each says what to do about it.
public enum CorpusError: Error, CustomStringConvertible, Equatable {
    /// The corpus directory does not exist.
    case missingDirectory(String)
    /// A manifest could not be read or decoded.
    case badManifest(path: String, reason: String)
    /// A version's file is missing.
    case missingFile(String)
    /// A version's file does not have the SHA-256 the manifest names.
    case checksumMismatch(file: String, expected: String, actual: String)
    /// No version with this id.
    case unknownVersion(String, known: [String])
    /// Two works use the same version id.
    case ambiguousVersion(String, works: [String])
    /// The version is known (from its metadata) but the corpus does not hold its text.
    case noText(version: String, citation: String)

    public var description: String {
        switch self {
        case .missingDirectory(let path):
            return "corpus directory not found: \(path) (use --corpus DIR or set PARAGRAF_CORPUS)"
        case .badManifest(let path, let reason):
            return "cannot read manifest \(path): \(reason)"
        case .missingFile(let path):
            return "corpus file missing: \(path)"
        case .checksumMismatch(let file, let expected, let actual):
            return "corpus file \(file) has changed: SHA-256 is \(actual), the manifest says \(expected)"
        case .unknownVersion(let id, let known):
            return "no version \"\(id)\" in the corpus; versions: \(known.joined(separator: ", "))"
        case .ambiguousVersion(let id, let works):
            return "version \"\(id)\" exists in several works (\(works.joined(separator: ", "))); write WORK/\(id)"
        case .noText(let version, let citation):
            return "the corpus has no text of \(version) (\(citation)): only its metadata is known"
        }
    }
}
