/// A normalized identity for an act, so that "serviceloven", "servicelovens" and "lov om social service"
/// compare equal.
public struct ActIdentity: Codable, Hashable, Sendable, CustomStringConvertible {
    /// Stable key: the short name in lower case ("sundhedsloven", "serviceloven", "aktivloven"), or for an
    /// act not in the alias table its normalized name in lower case ("lov om almene boliger").
    public var key: String
    /// The name a reader knows it by ("sundhedsloven", "lov om social service").
    public var name: String
    /// Whether the act is in the ``ActTable`` (false for a "lov om …" read generically).
    public var isKnown: Bool

    /// Creates an act identity.
    public init(key: String, name: String, isKnown: Bool) {
        self.key = key
        self.name = name
        self.isKnown = isKnown
    }

    /// The name.
    public var description: String { name }
}
