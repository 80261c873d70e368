import Foundation

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
        guard let section else { return chapter.map { "kap" + Self.removingSpaces($0) } ?? "document" }
        var id = "p" + Self.removingSpaces(section)
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

    /// `text` without U+0020 spaces, as `replacingOccurrences(of: " ", with: "")` gives it (that Foundation
    /// call cost thousands of instructions per id; the ids of every node go through here).
    package static func removingSpaces(_ text: String) -> String {
        var ascii = true
        var spaces = false
        for byte in text.utf8 {
            if byte >= 0x80 { ascii = false } else if byte == 0x20 { spaces = true }
        }
        if !spaces && ascii { return text }
        if !ascii { return text.replacingOccurrences(of: " ", with: "") }
        return String(decoding: text.utf8.filter { $0 != 0x20 }, as: UTF8.self)
    }

    /// The address of the node with `id`, the inverse of ``id``; nil for ids with no legal address.
    ///
    /// The ids Paragraf makes are printable ASCII and are read byte by byte; any other id is read
    /// `Character` by `Character` (``init(characters:)``; the tests compare the two).
    public init?(id: String) {
        var utf8 = id
        let ascii = utf8.withUTF8 { bytes -> Address?? in
            for byte in bytes where byte < 0x20 || byte > 0x7E { return .none }
            return .some(Self.ascii(bytes))
        }
        if let ascii {
            guard let ascii else { return nil }
            self = ascii
        } else {
            guard let address = Address(characters: id) else { return nil }
            self = address
        }
    }

    /// ``init(id:)`` over printable ASCII, where every byte is one `Character`.
    private static func ascii(_ b: UnsafeBufferPointer<UInt8>) -> Address? {
        func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
        func text(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        }
        func hasPrefix(_ start: Int, _ end: Int, _ prefix: StaticString) -> Bool { Bytes.matches(b, start, end, prefix) }
        /// `Int(text)`: an optional sign and at least one digit, nil on overflow.
        func integer(_ start: Int, _ end: Int) -> Int? {
            var k = start
            var negative = false
            if k < end, b[k] == 0x2B || b[k] == 0x2D {
                negative = b[k] == 0x2D
                k += 1
            }
            guard k < end else { return nil }
            var value = 0
            while k < end {
                guard isDigit(b[k]) else { return nil }
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let digit = Int(b[k] - 0x30)
                let (next, o2) = negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
                if o1 || o2 { return nil }
                value = next
                k += 1
            }
            return value
        }
        let n = b.count
        var address = Address()
        switch text(0, n) {
        case "title": address.special = .title; return address
        case "preamble": address.special = .preamble; return address
        case "signature": address.special = .signature; return address
        default: break
        }
        if hasPrefix(0, n, "bilag") {
            guard n > 5, b[5..<n].allSatisfy(isDigit) else { return nil }
            address.annex = text(5, n)
            return address
        }
        if hasPrefix(0, n, "kap") {
            var d = 3
            while d < n, isDigit(b[d]) { d += 1 }
            if d > 3 && n - d <= 1 && b[d..<n].allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
                address.chapter = d == n ? text(3, d) : text(3, d) + " " + text(d, n)
            } else if n > 3 && b[3..<n].allSatisfy({ $0 == 0x49 || $0 == 0x56 || $0 == 0x58 || $0 == 0x4C || $0 == 0x43 }) {
                address.chapter = text(3, n)
            } else {
                return nil
            }
            return address
        }
        // The parts between "/", empty ones dropped (as `split` does).
        var parts: [(Int, Int)] = []
        var start = 0
        for k in 0...n where k == n || b[k] == 0x2F {
            if k > start { parts.append((start, k)) }
            start = k + 1
        }
        guard let (firstStart, firstEnd) = parts.first, b[firstStart] == 0x70 else { return nil }
        var d = firstStart + 1
        while d < firstEnd, isDigit(b[d]) { d += 1 }
        guard d > firstStart + 1 else { return nil }
        address.section = d == firstEnd ? text(firstStart + 1, d) : text(firstStart + 1, d) + " " + text(d, firstEnd)
        for (partStart, partEnd) in parts.dropFirst() {
            if hasPrefix(partStart, partEnd, "stk"), let v = integer(partStart + 3, partEnd) {
                address.subsection = v
            } else if hasPrefix(partStart, partEnd, "nr") {
                address.item = text(partStart + 2, partEnd)
            } else if hasPrefix(partStart, partEnd, "pkt"), let v = integer(partStart + 3, partEnd) {
                address.sentence = v
            } else if partEnd - partStart == 1 {
                address.litra = text(partStart, partEnd)
            } else {
                return nil
            }
        }
        return address
    }

    /// ``init(id:)`` read `Character` by `Character`: the definition, for ids that are not printable ASCII.
    init?(characters id: String) {
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
