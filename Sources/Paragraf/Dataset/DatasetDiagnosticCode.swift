/// The stable codes of ``DatasetReader``'s diagnostics (`D0xx`). Each points at the bytes of the JSON file
/// it is about, so `file:line:col` leads to them.
public enum DatasetDiagnosticCode {
    /// The input is not well-formed JSON (or is truncated); what was read before the error is kept.
    public static let malformed = "D001"
    /// Values nest deeper than the reader follows; the deep value is skipped.
    public static let tooDeep = "D002"
    /// A field has the wrong type (a number where a string belongs, an object where an array belongs).
    public static let wrongType = "D003"
    /// A field the format has is missing (`provisions`, `title`, `content`).
    public static let missingField = "D004"
    /// A provision without text.
    public static let emptyProvision = "D005"
    /// A provision's text does not start with the § its `section` field names (or with no § at all).
    public static let sectionMismatch = "D006"
    /// A string with invalid UTF-8 or a broken escape; the bad bytes read as U+FFFD.
    public static let repairedText = "D007"
    /// More than one JSON value: the file holds several documents (JSON lines are read one line at a time).
    public static let trailingContent = "D008"
    /// A node id that repeats (a § or chapter given twice); a suffix was added to keep ids unique.
    public static let duplicateID = "D009"
    /// The document is partial: the format holds no title block, preamble, chapter titles, annexes or signature.
    public static let partial = "D010"
    /// A § heading written without its period ("§ 35 Bekendtgørelsen …"), read as "§ 35.".
    public static let headingPeriod = "D011"
}
