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
