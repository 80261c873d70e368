/// The stable codes of the text parser's diagnostics, for filtering (``ParserDiagnostic`` raises them).
public enum DiagnosticCode {
    /// Input was not valid UTF-8; bytes were decoded as Windows-1252.
    public static let transcoded = "P001"
    /// Input starts with a UTF-8 byte order mark.
    public static let byteOrderMark = "P002"
    /// Input is empty or holds only whitespace.
    public static let empty = "P003"
    /// Text that could not be placed in the structure (kept in an `unplaced` node).
    public static let unplaced = "P004"
    /// A section number out of order or repeated.
    public static let sectionOrder = "P005"
    /// A subsection number out of order or repeated.
    public static let subsectionOrder = "P006"
    /// An item number out of order.
    public static let itemOrder = "P007"
    /// A chapter number out of order or repeated.
    public static let chapterOrder = "P008"
    /// Binary or control bytes in the input.
    public static let controlBytes = "P009"
    /// No structure (no § or chapter) was recognised.
    public static let noStructure = "P010"
    /// Metadata that could not be read (title, signature, dates).
    public static let metadata = "P011"
    /// A node id that repeats; a suffix was added to keep ids unique.
    public static let duplicateID = "P012"
    /// Input uses CRLF line ends.
    public static let crlf = "P013"
}
