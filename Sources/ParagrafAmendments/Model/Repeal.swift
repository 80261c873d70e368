import Paragraf

/// A repeal, possibly with new provisions in place of the repealed ones.
public struct Repeal: Codable, Hashable, Sendable {
    /// The provisions repealed.
    public var targets: [TargetAddress]
    /// "…, og i stedet indsættes:": what takes their place.
    public var replacement: NewText?

    /// Creates a repeal.
    public init(targets: [TargetAddress], replacement: NewText? = nil) {
        self.targets = targets
        self.replacement = replacement
    }
}
