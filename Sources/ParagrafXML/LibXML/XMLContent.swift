/// A child of an ``XMLElement``: an element or a run of text.
public enum XMLContent: Sendable, Hashable {
    /// A child element.
    case element(XMLElement)
    /// Character data with the 1-based line it starts on.
    case text(String, line: Int)
}
