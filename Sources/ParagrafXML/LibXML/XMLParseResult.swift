import CLibXML2
import Paragraf

/// The result of a safe parse: the copied tree (nil when the input was refused) and what libxml2 reported.
public struct XMLParseResult: Sendable {
    /// The root element, or nil when the document could not be parsed.
    public var root: XMLElement?
    /// Errors and warnings with line:col positions in the input, codes `X0xx`.
    public var diagnostics: [Diagnostic]
}
