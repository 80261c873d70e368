/// What an import did.
public struct ImportSummary: Codable, Hashable, Sendable {
    /// The JSON schema version.
    public var schemaVersion = 1
    /// Inputs read (documents, lines of JSON lines, failed ones included).
    public var read = 0
    /// Documents added.
    public var added = 0
    /// Documents that replaced an earlier import of the same document (same identity, new content).
    public var replaced = 0
    /// Documents already there with the same content, skipped.
    public var unchanged = 0
    /// Inputs that could not be imported; each is in ``failures`` and in the database's failure table.
    public var failed = 0
    /// Bytes read.
    public var bytes = 0
    /// Seconds spent.
    public var seconds = 0.0
    /// Whether the import was interrupted (the documents before the interruption are in).
    public var interrupted = false
    /// What the link step found, when it ran.
    public var link: LinkSummary?
    /// The first failures (at most 100), with their reasons.
    public var failures: [FailedInput] = []

    /// An empty summary.
    public init() {}

    /// One input that failed.
    public struct FailedInput: Codable, Hashable, Sendable {
        /// Where it came from ("documents-dev.jsonl:17").
        public var source: String
        /// Why it was not imported.
        public var reason: String
    }
}
