/// A legal address inside one regulation: "§ 17, stk. 3", "§ 2, stk. 1, nr. 4", "kapitel 4", "bilag 1".
///
/// An address maps to exactly one node id (``id``), so that looking it up is a dictionary access and
/// the same address in two versions names the same id.
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

    /// The id of the node this address names, e.g. `p17/stk3`, `p2/stk1/nr4`, `kap4`, `bilag1`.
    ///
    /// "§ 17, 2. pkt." and "§ 25, nr. 4" name the first stk. of the section, as Danish usage does when a
    /// section has one stk.
    public var id: String {
        if let special { return special.rawValue }
        if let annex { return "bilag" + annex }
        guard let section else { return chapter.map { "kap" + $0.replacingOccurrences(of: " ", with: "") } ?? "document" }
        var id = "p" + section.replacingOccurrences(of: " ", with: "")
        if subsection == nil && item == nil && sentence == nil { return id }
        id += "/stk\(subsection ?? 1)"
        if let item { id += "/nr" + item }
        if let litra { id += "/" + litra }
        if let sentence { id += "/pkt\(sentence)" }
        return id
    }

    /// The address in Danish citation form: "§ 17, stk. 3, nr. 2, 2. pkt.".
    public var description: String {
        if let special {
            switch special {
            case .title: return "titel"
            case .preamble: return "indledning"
            case .signature: return "underskrift"
            }
        }
        if let annex { return "bilag \(annex)" }
        guard let section else { return chapter.map { "kapitel \($0)" } ?? "dokument" }
        var parts = ["§ \(section)"]
        if let subsection { parts.append("stk. \(subsection)") }
        if let item { parts.append((item.first?.isLetter ?? false) ? "litra \(item)" : "nr. \(item)") }
        if let litra { parts.append("litra \(litra)") }
        if let sentence { parts.append("\(sentence). pkt.") }
        return parts.joined(separator: ", ")
    }

    /// The address of the node with `id`, the inverse of ``id``; nil for ids with no legal address.
    public init?(id: String) {
        self.init()
        switch id {
        case "title": special = .title; return
        case "preamble": special = .preamble; return
        case "signature": special = .signature; return
        default: break
        }
        if id.hasPrefix("bilag") {
            let number = id.dropFirst(5)
            guard !number.isEmpty, number.allSatisfy(\.isNumber) else { return nil }
            annex = String(number)
            return
        }
        if id.hasPrefix("kap") {
            let number = id.dropFirst(3)
            let digits = number.prefix { $0.isNumber }
            let rest = number.dropFirst(digits.count)
            if !digits.isEmpty && rest.count <= 1 && rest.allSatisfy(\.isLowercase) {
                chapter = rest.isEmpty ? String(digits) : "\(digits) \(rest)"
            } else if !number.isEmpty && number.allSatisfy({ "IVXLC".contains($0) }) {
                chapter = String(number)
            } else {
                return nil
            }
            return
        }
        let parts = id.split(separator: "/").map(String.init)
        guard let first = parts.first, first.hasPrefix("p") else { return nil }
        let raw = first.dropFirst()
        let digits = raw.prefix { $0.isNumber }
        let letters = raw.dropFirst(digits.count)
        guard !digits.isEmpty else { return nil }
        section = letters.isEmpty ? String(digits) : "\(digits) \(letters)"
        for part in parts.dropFirst() {
            if part.hasPrefix("stk"), let v = Int(part.dropFirst(3)) {
                subsection = v
            } else if part.hasPrefix("nr") {
                item = String(part.dropFirst(2))
            } else if part.hasPrefix("pkt"), let v = Int(part.dropFirst(3)) {
                sentence = v
            } else if part.count == 1 {
                litra = part
            } else {
                return nil
            }
        }
    }
}
