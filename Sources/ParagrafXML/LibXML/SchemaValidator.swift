import CLibXML2
import Paragraf

/// Validates XML against an XML Schema (XSD) with libxml2's `xmlSchemaValidateDoc`.
///
/// The schema is read from a local file; the document is parsed with ``SafeXMLParser``'s options
/// (no network, no entity expansion). Errors come back as `X030` diagnostics with line:col.
public struct SchemaValidator: Sendable {
    /// The path of the `.xsd` file.
    public let schemaPath: String

    /// Creates a validator for the schema at `schemaPath` (imports are resolved relative to it).
    public init(schemaPath: String) { self.schemaPath = schemaPath }

    /// Validates `xml`; returns the problems found (empty when valid).
    public func validate(_ xml: String) -> [Diagnostic] {
        let bytes = Array(xml.utf8)
        let source = SourceText(bytes: bytes)
        let collector = ErrorCollector(source: source)
        _ = SafeXMLParser.initialized
        guard !bytes.isEmpty else { return [schemaProblem("the document is empty", source)] }
        guard let parserContext = xmlSchemaNewParserCtxt(schemaPath) else {
            return [schemaProblem("cannot open schema \(schemaPath)", source)]
        }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        let unmanaged = Unmanaged.passRetained(collector)
        defer { unmanaged.release() }
        xmlSchemaSetParserStructuredErrors(parserContext, schemaError, unmanaged.toOpaque())
        guard let schema = xmlSchemaParse(parserContext) else {
            return [schemaProblem("cannot read schema \(schemaPath)", source)] + collector.diagnostics
        }
        defer { xmlSchemaFree(schema) }
        collector.diagnostics.removeAll()
        guard let validContext = xmlSchemaNewValidCtxt(schema) else {
            return [schemaProblem("cannot create a validation context", source)]
        }
        defer { xmlSchemaFreeValidCtxt(validContext) }
        xmlSchemaSetValidStructuredErrors(validContext, schemaError, unmanaged.toOpaque())
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                xmlReadMemory(
                    chars, Int32(buffer.count), "export.xml", "UTF-8",
                    SafeXMLParser.xmlOptions | Int32(XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
            }
        }
        guard let doc else { return [schemaProblem("the document is not well-formed XML", source)] }
        defer { xmlFreeDoc(doc) }
        let result = xmlSchemaValidateDoc(validContext, doc)
        if result != 0 && collector.diagnostics.isEmpty {
            return [schemaProblem("schema validation failed (libxml2 code \(result))", source)]
        }
        return collector.diagnostics
    }

    private func schemaProblem(_ message: String, _ source: SourceText) -> Diagnostic {
        XMLDiagnostic.schema(message, isError: true).at(source.range(0, 0))
    }
}

private let schemaError: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    let collector = Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue()
    var message = error.pointee.message.map { String(cString: $0) } ?? "schema error"
    while message.last == "\n" { message.removeLast() }
    let isError = error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue
    collector.add(.schema(message, isError: isError), line: Int(error.pointee.line), column: Int(error.pointee.int2))
}
