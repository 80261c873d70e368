import Paragraf

/// Stable diagnostic codes of the XML module (`X0xx`), for filtering (``XMLDiagnostic`` raises them).
public enum XMLDiagnosticCode {
    /// The XML is not well-formed (libxml2 fatal error or error), at the line:col libxml2 reports.
    public static let malformed = "X001"
    /// A libxml2 warning.
    public static let parserWarning = "X002"
    /// A DTD entity declaration was ignored (entities are never declared, loaded or expanded).
    public static let entityIgnored = "X003"
    /// The input is larger than ``SafeXMLParser/Limits/maxBytes``.
    public static let tooLarge = "X004"
    /// Elements nest deeper than the limit.
    public static let tooDeep = "X005"
    /// A LexDania element the importer does not know; its text is kept in an unplaced node.
    public static let unknownElement = "X010"
    /// LexDania metadata missing or unreadable.
    public static let metadata = "X011"
    /// A node id that repeats; a suffix was added.
    public static let duplicateID = "X012"
    /// An HTML page in which no text blocks were found.
    public static let emptyHTML = "X020"
    /// A schema validation error (Akoma Ntoso export checked against the OASIS schema).
    public static let schema = "X030"
}
