import CLibXML2
import Paragraf

/// Parses untrusted XML and HTML with libxml2 under safe settings and copies the result into Swift values.
///
/// Settings, per parser context (nothing global is changed):
/// - `XML_PARSE_NONET`: no network access, ever.
/// - No `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD`, `XML_PARSE_DTDATTR`, `XML_PARSE_DTDVALID` or
///   `XML_PARSE_XINCLUDE`: no entity substitution, no external DTD, no XInclude.
/// - The SAX `entityDecl` callback is replaced, so a DOCTYPE cannot declare entities at all: a reference
///   to one is an undeclared entity (a well-formedness error), which defuses entity-expansion bombs and
///   external entities (`SYSTEM "file:///etc/passwd"`) before anything is read or expanded.
/// - No `XML_PARSE_HUGE`: libxml2's own limits on depth (256), text node size and name length stay on;
///   inputs above ``Limits/maxBytes`` are refused before parsing and the copy stops at ``Limits/maxDepth``.
/// - A structured error handler on the context collects every error with its line and column as a
///   ``Diagnostic`` instead of printing to stderr.
public enum SafeXMLParser {
    /// Size and depth limits.
    public enum Limits {
        /// Largest input accepted (64 MiB).
        public static let maxBytes = 64 << 20
        /// Deepest element nesting copied out of libxml2.
        public static let maxDepth = 200
    }

    /// libxml2 wants `xmlInitParser` once per process before use from several threads; a static `let`
    /// is initialised exactly once, thread-safely.
    static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    static let xmlOptions: Int32 = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue
            | XML_PARSE_COMPACT.rawValue)
    static let htmlOptions: Int32 = Int32(
        HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NODEFDTD.rawValue
            | HTML_PARSE_COMPACT.rawValue)

    /// Parses well-formed XML. Malformed input gives a nil root and `X001` diagnostics at line:col.
    /// `source` must be the text of `bytes`; diagnostics' ranges index it.
    public static func parseXML(_ bytes: [UInt8], source: SourceText) -> XMLParseResult {
        parse(bytes, source: source, html: false)
    }

    /// Parses HTML (tag soup accepted, as browsers do) with libxml2's HTML parser.
    public static func parseHTML(_ bytes: [UInt8], source: SourceText) -> XMLParseResult {
        parse(bytes, source: source, html: true)
    }

    private static func parse(_ bytes: [UInt8], source: SourceText, html: Bool) -> XMLParseResult {
        _ = initialized
        let collector = ErrorCollector(source: source)
        guard bytes.count <= Limits.maxBytes else {
            collector.add(.tooLarge(bytes: bytes.count, limit: Limits.maxBytes), line: 1, column: 1)
            return XMLParseResult(root: nil, diagnostics: collector.diagnostics)
        }
        guard !bytes.isEmpty else {
            collector.add(.emptyInput, line: 1, column: 1)
            return XMLParseResult(root: nil, diagnostics: collector.diagnostics)
        }
        guard let ctxt = html ? htmlNewParserCtxt() : xmlNewParserCtxt() else {
            collector.add(.noParser, line: 1, column: 1)
            return XMLParseResult(root: nil, diagnostics: collector.diagnostics)
        }
        defer { html ? htmlFreeParserCtxt(ctxt) : xmlFreeParserCtxt(ctxt) }
        if html { collector.ignoredCodes = [Int32(XML_HTML_UNKNOWN_TAG.rawValue)] }
        let unmanaged = Unmanaged.passRetained(collector)
        defer { unmanaged.release() }
        ctxt.pointee._private = unmanaged.toOpaque()
        if let sax = ctxt.pointee.sax {
            // serror is only consulted when the handler block carries the SAX2 magic.
            sax.pointee.initialized = UInt32(XML_SAX2_MAGIC)
            sax.pointee.serror = structuredError
            if !html { sax.pointee.entityDecl = refuseEntityDeclaration }
        }
        // libxml2 is a C library: the bytes, its callbacks' contexts and its strings are C pointers.
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) { chars in
                if html {
                    // Without a declared charset libxml2's HTML parser assumes Latin-1; say UTF-8 when it is.
                    let encoding: String? = isValidUTF8(buffer) ? "UTF-8" : nil
                    return htmlCtxtReadMemory(ctxt, chars, Int32(buffer.count), "input.html", encoding, htmlOptions)
                }
                return xmlCtxtReadMemory(ctxt, chars, Int32(buffer.count), "input.xml", nil, xmlOptions)
            }
        }
        defer { if let doc { xmlFreeDoc(doc) } }
        guard let doc, html || ctxt.pointee.wellFormed != 0, let rootNode = xmlDocGetRootElement(doc) else {
            if !collector.diagnostics.contains(where: { $0.severity == .error }) {
                collector.add(.noDocumentElement, line: 1, column: 1)
            }
            return XMLParseResult(root: nil, diagnostics: collector.diagnostics)
        }
        var copier = TreeCopier(collector: collector)
        let root = copier.copy(rootNode, depth: 0)
        return XMLParseResult(root: root, diagnostics: collector.diagnostics)
    }

    static func isValidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var iterator = buffer.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}

private func collector(fromContext ctx: UnsafeMutableRawPointer?) -> ErrorCollector? {
    guard let ctx else { return nil }
    let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let raw = ctxt.pointee._private else { return nil }
    return Unmanaged<ErrorCollector>.fromOpaque(raw).takeUnretainedValue()
}

private let structuredError: xmlStructuredErrorFunc = { userData, error in
    guard let error else { return }
    let e = error.pointee
    let parserCtxt = e.ctxt ?? userData
    guard let collector = collector(fromContext: parserCtxt), !collector.ignoredCodes.contains(e.code) else { return }
    var message = e.message.map { String(cString: $0) } ?? "XML error \(e.code)"
    while message.last == "\n" || message.last == " " { message.removeLast() }
    let isError = e.level.rawValue >= XML_ERR_ERROR.rawValue
    collector.add(isError ? .malformed(message) : .parserWarning(message), line: Int(e.line), column: Int(e.int2))
}

private let refuseEntityDeclaration:
    @convention(c) (
        UnsafeMutableRawPointer?, UnsafePointer<xmlChar>?, Int32, UnsafePointer<xmlChar>?, UnsafePointer<xmlChar>?,
        UnsafeMutablePointer<xmlChar>?
    ) -> Void = { ctx, name, _, _, systemID, _ in
        guard let collector = collector(fromContext: ctx) else { return }
        collector.entityDeclarations += 1
        guard collector.entityDeclarations <= 5 else { return }
        let entity = name.map { String(cString: $0) } ?? "?"
        var line = 1
        if let ctx { line = Int(xmlSAX2GetLineNumber(ctx)) }
        collector.add(.entityIgnored(name: entity, external: systemID != nil), line: line, column: 1)
    }
