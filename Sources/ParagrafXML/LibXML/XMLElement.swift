/// An element of a parsed XML or HTML document, copied out of libxml2 into plain Swift values.
///
/// The importers never hold libxml2 pointers: ``SafeXMLParser`` parses, copies the tree into these
/// values and frees the libxml2 document before returning, so nothing unsafe outlives a call.
public struct XMLElement: Sendable, Hashable {
    /// The local name, as written (case kept for XML, lower-cased by libxml2 for HTML).
    public var name: String
    /// The attributes, in document order.
    public var attributes: [XMLAttribute]
    /// The child elements and text, in document order.
    public var children: [XMLContent]
    /// The 1-based line the element starts on (as libxml2 reports it; 0 when unknown).
    public var line: Int

    /// Creates an element.
    public init(name: String, attributes: [XMLAttribute] = [], children: [XMLContent] = [], line: Int = 0) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    /// The value of the attribute `name`, if present.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The child elements.
    public var elements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// The child elements named `name`.
    public func elements(_ name: String) -> [XMLElement] { elements.filter { $0.name == name } }

    /// The first child element named `name`.
    public func first(_ name: String) -> XMLElement? {
        for child in children { if case .element(let e) = child, e.name == name { return e } }
        return nil
    }

    /// All text below this element, concatenated in document order.
    public var textContent: String {
        var out = ""
        appendText(to: &out)
        return out
    }

    private func appendText(to out: inout String) {
        for child in children {
            switch child {
            case .text(let t, _): out += t
            case .element(let e): e.appendText(to: &out)
            }
        }
    }

    /// Calls `body` for this element and every descendant element, depth first.
    public func forEachElement(_ body: (XMLElement) -> Void) {
        body(self)
        for child in children { if case .element(let e) = child { e.forEachElement(body) } }
    }
}
