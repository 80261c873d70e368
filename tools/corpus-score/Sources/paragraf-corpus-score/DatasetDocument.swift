import Foundation

/// One line of `documents-dev.jsonl`: a real document of Retsinformation with its provision list.
struct DatasetDocument: Decodable {
    var id: String
    var title: String
    /// Retsinformation's document type ("BEK H#LOKDOK04", "LOV Æ", "Lovbekendtgørelse" …).
    var shortName: String
    var provisions: [Provision]

    enum CodingKeys: String, CodingKey {
        case id, title, provisions
        case shortName = "short_name"
    }

    /// One entry per § (or per repealed range of §§), in order.
    struct Provision: Decodable {
        /// The § number as the dataset extracted it: "4a", "7B", "28-30", "41og42", "»64", "" …
        var section: String
        /// The chapter number ("4", "4a", "IV", "9\u{A0}b"), absent where the act has none.
        var chapter: String?
        /// The whole § on one line, stk. markers and items inline.
        var content: String

        enum CodingKeys: String, CodingKey { case section, chapter, content }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            section = Self.lenientString(c, .section) ?? ""
            chapter = Self.lenientString(c, .chapter)
            content = Self.lenientString(c, .content) ?? ""
        }

        /// A string field that may also be written as a number (or be null).
        static func lenientString(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) -> String? {
            if let s = try? c.decodeIfPresent(String.self, forKey: key) { return s }
            if let i = try? c.decodeIfPresent(Int.self, forKey: key) { return String(i) }
            return nil
        }
    }

    /// The type group the issue reports on.
    var group: DocumentGroup { DocumentGroup(shortName: shortName, title: title) }

    /// Whether the document is in the held-out fifth: a fixed hash of its id, never tuned on.
    var isHeldOut: Bool { Self.isHeldOut(id: id) }

    /// FNV-1a (64 bit) of the id's UTF-8 bytes; one id in five (hash mod 5 = 0) is held out.
    static func isHeldOut(id: String) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash % 5 == 0
    }
}

/// The document types the score is broken down by.
enum DocumentGroup: String, CaseIterable, Comparable {
    case bek = "BEK"
    case lbk = "LBK"
    case lov = "LOV"
    case amending = "amending"
    case other = "other"

    /// Reads Retsinformation's type ("BEK H", "LOV Æ", older spellings "Ændringslov", "Lovbekendtgørelse" …).
    init(shortName: String, title: String) {
        let type = shortName.split(separator: "#", maxSplits: 1).first.map(String.init) ?? shortName
        let lower = type.lowercased()
        if type.contains("Æ") || lower.hasPrefix("ændrings") {
            self = .amending
        } else if lower.hasPrefix("lbk") || lower.hasPrefix("lovbekendtgørelse") {
            self = .lbk
        } else if lower.hasPrefix("lov") {
            self = .lov
        } else if lower == "bek h" || lower.hasPrefix("bek ") && !lower.hasPrefix("bek i") || lower == "bekendtgørelse" {
            self = .bek
        } else {
            self = .other
        }
    }

    static func < (lhs: DocumentGroup, rhs: DocumentGroup) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
