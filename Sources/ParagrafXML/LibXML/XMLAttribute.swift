/// An attribute of an ``XMLElement``.
public struct XMLAttribute: Sendable, Hashable {
    /// The attribute name.
    public var name: String
    /// The attribute value, entities resolved.
    public var value: String

    /// Creates an attribute.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
