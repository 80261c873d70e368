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
