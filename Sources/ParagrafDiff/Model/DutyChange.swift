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
    public var oldRange: SourceRange
    /// The bytes of the new sentence opening.
    public var newRange: SourceRange

    /// Whether the duty-bearer changed.
    public var actorChanged: Bool {
        // The same bytes lower-case alike: most duties keep their bearer, and lower-casing copies.
        if old.actor.utf8.elementsEqual(new.actor.utf8) { return false }
        if let same = DutyChange.sameLowercasedLatin1(old.actor, new.actor) { return !same }
        return old.actor.lowercased() != new.actor.lowercased()
    }

    /// Whether `a.lowercased() == b.lowercased()`, told byte by byte when both are ASCII and Latin-1
    /// letters (Danish actors): there lower-casing maps each scalar alone (A–Z and À–Þ but × move up by
    /// 32), and such texts are normalized, so equal strings are equal bytes. Nil for other texts.
    static func sameLowercasedLatin1(_ a: String, _ b: String) -> Bool? {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y -> Bool? in
                /// The lower-case bytes of `s`, one scalar at a time: (lead, trail) with lead 0 for ASCII.
                func lowered(_ s: UnsafeBufferPointer<UInt8>) -> [UInt16]? {
                    var out: [UInt16] = []
                    out.reserveCapacity(s.count)
                    var i = 0
                    while i < s.count {
                        let c = s[i]
                        if c < 0x80 {
                            out.append(UInt16(c >= 0x41 && c <= 0x5A ? c + 0x20 : c))
                            i += 1
                        } else if c == 0xC3, i + 1 < s.count, s[i + 1] >= 0x80, s[i + 1] <= 0xBF {
                            let t = s[i + 1]
                            out.append(0xC300 | UInt16(t >= 0x80 && t <= 0x9E && t != 0x97 ? t + 0x20 : t))
                            i += 2
                        } else {
                            return nil
                        }
                    }
                    return out
                }
                guard let la = lowered(x), let lb = lowered(y) else { return nil }
                return la == lb
            }
        }
    }
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
