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

/// What one link step (works, versions, cross-document citations) found.
public struct LinkSummary: Codable, Hashable, Sendable {
    /// Works.
    public var works = 0
    /// Versions, those known only from another document's repeal statement included.
    public var versions = 0
    /// Versions known without text (named by a repeal statement, not imported).
    public var versionsWithoutText = 0
    /// Amending instruments attached to the work they amend.
    public var amendments = 0
    /// Citation targets in another document of the corpus, found.
    public var linked = 0
    /// Citation targets whose act or instrument is in the corpus but whose provision is not in the version that
    /// applied.
    public var missing = 0
    /// Citation targets outside the corpus.
    public var external = 0
    /// Seconds spent.
    public var seconds = 0.0

    /// An empty summary.
    public init() {}
}

/// Where an import is, for a progress display.
public struct ImportProgress: Sendable {
    /// Inputs read so far.
    public var read: Int
    /// Documents added or replaced so far.
    public var imported: Int
    /// Inputs that failed so far.
    public var failed: Int
    /// Bytes read so far.
    public var bytes: Int
    /// Bytes in all, when known (files only).
    public var totalBytes: Int?
    /// Seconds since the start.
    public var seconds: Double
    /// What is being done: "importing", "linking".
    public var phase: String
}
