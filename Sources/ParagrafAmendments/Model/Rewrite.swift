import Paragraf

/// A provision (or a heading) given new wording.
public struct Rewrite: Codable, Hashable, Sendable {
    /// The provision.
    public var target: TargetAddress
    /// True when the heading is rewritten ("Overskriften til kapitel 3 affattes således:").
    public var heading: Bool
    /// The new wording.
    public var content: NewText

    /// Creates a rewrite.
    public init(target: TargetAddress, heading: Bool = false, content: NewText) {
        self.target = target
        self.heading = heading
        self.content = content
    }
}
