import Paragraf

/// The stable codes of the reference diagnostics, for filtering (``ReferenceDiagnostic`` raises them).
public enum ReferenceDiagnosticCode {
    /// A citation target that does not exist in the version it stands in.
    public static let unresolved = "R001"
    /// A § number that repeats or skips (a gap in the numbering).
    public static let sectionNumbering = "R002"
    /// A stk. number that repeats or skips.
    public static let subsectionNumbering = "R003"
    /// An item number that repeats or skips.
    public static let itemNumbering = "R004"
}
