import Paragraf

/// The XML module's diagnostics (`X0xx`): code, severity and message of each, in one place.
///
/// ```swift
/// XMLDiagnostic.unknownElement(name: "Mystery").at(range)   // X010 warning
/// ```
public enum XMLDiagnostic: DiagnosticMessage, Hashable {
    /// X001: the XML is not well-formed (libxml2's message).
    case malformed(String)
    /// X001: the input is empty.
    case emptyInput
    /// X001: libxml2 could not create a parser.
    case noParser
    /// X001: the document has no document element.
    case noDocumentElement
    /// X002: a libxml2 warning (its message).
    case parserWarning(String)
    /// X003: a DTD entity declaration was ignored.
    case entityIgnored(name: String, external: Bool)
    /// X004: the input is larger than the limit.
    case tooLarge(bytes: Int, limit: Int)
    /// X005: elements nest deeper than the limit.
    case tooDeep(limit: Int)
    /// X010: a LexDania element the importer does not know; its text is kept in an unplaced node.
    case unknownElement(name: String)
    /// X011: no `<Meta>` element.
    case noMeta
    /// X011: `<Meta>` without Number or Year.
    case noNumberOrYear
    /// X012: an id given before; the repeat got the next occurrence.
    case duplicateID(repeated: NodeID, id: NodeID)
    /// X020: no text blocks in an HTML page.
    case emptyHTML
    /// A problem libxml2 reported in an HTML page (X001, X002), as a note with the HTML line:column.
    case htmlProblem(code: String, location: LocatedPosition, message: String)
    /// X030: a schema validation problem (libxml2's message).
    case schema(String, isError: Bool)

    public var code: String {
        switch self {
        case .malformed, .emptyInput, .noParser, .noDocumentElement: XMLDiagnosticCode.malformed
        case .parserWarning: XMLDiagnosticCode.parserWarning
        case .entityIgnored: XMLDiagnosticCode.entityIgnored
        case .tooLarge: XMLDiagnosticCode.tooLarge
        case .tooDeep: XMLDiagnosticCode.tooDeep
        case .unknownElement: XMLDiagnosticCode.unknownElement
        case .noMeta, .noNumberOrYear: XMLDiagnosticCode.metadata
        case .duplicateID: XMLDiagnosticCode.duplicateID
        case .emptyHTML: XMLDiagnosticCode.emptyHTML
        case .htmlProblem(let code, _, _): code
        case .schema: XMLDiagnosticCode.schema
        }
    }

    public var severity: Severity {
        switch self {
        case .malformed, .emptyInput, .noParser, .noDocumentElement, .tooLarge, .tooDeep: .error
        case .schema(_, let isError): isError ? .error : .warning
        case .noMeta, .noNumberOrYear, .htmlProblem: .note
        case .parserWarning, .entityIgnored, .unknownElement, .duplicateID, .emptyHTML: .warning
        }
    }

    public var message: String {
        switch self {
        case .malformed(let message), .parserWarning(let message), .schema(let message, _): message
        case .emptyInput: "input is empty"
        case .noParser: "libxml2 could not create a parser"
        case .noDocumentElement: "no document element"
        case .entityIgnored(let name, let external):
            "entity declaration '\(name)'\(external ? " (external)" : "") ignored: entities are never declared, loaded or expanded"
        case .tooLarge(let bytes, let limit): "input of \(bytes) bytes exceeds the limit of \(limit) bytes; not parsed"
        case .tooDeep(let limit): "elements nest deeper than \(limit); the deeper content is dropped"
        case .unknownElement(let name):
            "LexDania element <\(name)> is not part of the structure the importer knows; its text is kept as unplaced"
        case .noMeta: "no <Meta> element; metadata read from the text only"
        case .noNumberOrYear: "<Meta> has no Number or Year; no ELI derived"
        case .duplicateID(let repeated, let id): "\(repeated) appears again; this one is \(id)"
        case .emptyHTML: "no text blocks found in the HTML page"
        case .htmlProblem(_, let location, let message): "HTML \(location): \(message)"
        }
    }
}
