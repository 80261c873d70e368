/// What a manifest entry is.
public enum VersionKind: String, Codable, Hashable, Sendable {
    /// A version whose text the corpus holds.
    case version
    /// A version known from its metadata whose text the corpus does not hold.
    case withoutText
    /// An order that amended a version in place (listed under ``WorkManifest/amendingOrders``).
    case amendingOrder
}
