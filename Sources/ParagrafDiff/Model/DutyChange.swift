import Paragraf

/// A change of duty-bearer or modality in an aligned subsection.
public struct DutyChange: Codable, Hashable, Sendable {
    /// Old citation.
    public var oldCitation: String
    /// New citation.
    public var newCitation: String
    /// The old duty.
    public var old: Duty
    /// The new duty.
    public var new: Duty
    /// The bytes of the old sentence opening.
    public var oldRange: LocatedRange
    /// The bytes of the new sentence opening.
    public var newRange: LocatedRange

    /// Whether the duty-bearer changed (letter case aside).
    public var actorChanged: Bool { !Self.sameActor(old.actor, new.actor) }

    /// Whether two actors are the same, letter case aside.
    static func sameActor(_ a: String, _ b: String) -> Bool { a == b || a.lowercased() == b.lowercased() }

    /// Whether the modality changed.
    public var modalityChanged: Bool { old.modality != new.modality }

    /// "Amtsrådet skal tilbyde → Kommunalbestyrelsen kan tilbyde".
    public var summary: String {
        func phrase(_ d: Duty) -> String {
            d.modality == .does ? "\(d.actor) \(d.verb)" : "\(d.actor) \(d.modality.danish) \(d.verb)"
        }
        return "\(phrase(old)) → \(phrase(new))"
    }
}
