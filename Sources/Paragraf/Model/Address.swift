import Foundation

/// A legal address inside one regulation: "§ 17, stk. 3", "§ 2, stk. 1, nr. 4", "kapitel 4", "bilag 1".
///
/// An address maps to exactly one node id (``id``, see `Address+NodeID.swift`), so that looking it up is a
/// dictionary access and the same address in two versions names the same id.
public struct Address: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The special parts of a regulation that have no number.
    public enum Special: String, Codable, Hashable, Sendable {
        /// The title.
        case title
        /// The preamble (*indledning*).
        case preamble
        /// The signature.
        case signature
    }

    /// Chapter number ("4").
    public var chapter: String?
    /// Section number with letter ("4 a").
    public var section: String?
    /// Subsection number.
    public var subsection: Int?
    /// Item number ("4") or letter when the list is lettered.
    public var item: String?
    /// Litra under an item ("a").
    public var litra: String?
    /// Sentence number (pkt.).
    public var sentence: Int?
    /// Annex number.
    public var annex: String?
    /// Title, preamble or signature.
    public var special: Special?

    /// Creates an address.
    public init(
        chapter: String? = nil, section: String? = nil, subsection: Int? = nil, item: String? = nil,
        litra: String? = nil, sentence: Int? = nil, annex: String? = nil, special: Special? = nil
    ) {
        self.chapter = chapter
        self.section = section
        self.subsection = subsection
        self.item = item
        self.litra = litra
        self.sentence = sentence
        self.annex = annex
        self.special = special
    }

    /// The address in Danish citation form: "§ 17, stk. 3, nr. 2, 2. pkt.".
    ///
    /// Built by appending each part to one string: the diff names every provision it reports this way
    /// (joining an array of parts cost twice as many instructions).
    public var description: String {
        if let special {
            switch special {
            case .title: return "titel"
            case .preamble: return "indledning"
            case .signature: return "underskrift"
            }
        }
        if let annex { return "bilag " + annex }
        guard let section else { return chapter.map { "kapitel " + $0 } ?? "dokument" }
        var text = "§ "
        text += section
        if let subsection {
            text += ", stk. "
            text += String(subsection)
        }
        if let item {
            text += Self.startsWithLetter(item) ? ", litra " : ", nr. "
            text += item
        }
        if let litra {
            text += ", litra "
            text += litra
        }
        if let sentence {
            text += ", "
            text += String(sentence)
            text += ". pkt."
        }
        return text
    }

    /// Whether `text` starts with a letter (an item "b" is a litra); ASCII is read from the first byte.
    static func startsWithLetter(_ text: String) -> Bool {
        guard let byte = text.utf8.first else { return false }
        if byte < 0x80 { return (byte | 0x20) &- 0x61 < 26 }
        return text.first?.isLetter ?? false
    }
}
