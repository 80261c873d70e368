/// The parameters of a query string (`q=tand%C3%A6ge+pleje&type=BEK&type=LBK`), decoded and bounded.
struct QueryParameters: Sendable {
    private var pairs: [(String, String)] = []

    /// Reads `raw` (without the "?"): "+" is a space, percent-escapes must give UTF-8, at most
    /// ``RequestReader/maxParameters`` parameters.
    init(_ raw: Substring) throws(RequestProblem) {
        for piece in raw.split(separator: "&", omittingEmptySubsequences: true) {
            guard pairs.count < RequestReader.maxParameters else {
                throw RequestProblem(status: 400, message: "more than \(RequestReader.maxParameters) query parameters")
            }
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try PercentDecoding.decode(parts[0], plusIsSpace: true)
            let value = parts.count > 1 ? try PercentDecoding.decode(parts[1], plusIsSpace: true) : ""
            try PercentDecoding.checkPrintable(name, what: "a parameter name")
            try PercentDecoding.checkPrintable(value, what: "parameter \"\(RequestReader.printable(name))\"")
            pairs.append((name, value))
        }
    }

    /// The value of `name`; an error when it is given twice with different values.
    func single(_ name: String) throws(RequestProblem) -> String? {
        let values = all(name)
        guard let first = values.first else { return nil }
        if values.contains(where: { $0 != first }) {
            throw RequestProblem(status: 400, message: "parameter \"\(name)\" is given \(values.count) times; give it once")
        }
        return first
    }

    /// Every value of `name`, in order.
    func all(_ name: String) -> [String] { pairs.filter { $0.0 == name }.map(\.1) }

    /// Whether flag `name` is on: present with no value, "1", "true", "yes" or "on".
    func flag(_ name: String) throws(RequestProblem) -> Bool {
        guard let value = try single(name) else { return false }
        switch value.lowercased() {
        case "", "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default:
            throw RequestProblem(
                status: 400, message: "parameter \"\(name)\" is a flag (1 or 0), not \"\(RequestReader.printable(value))\"")
        }
    }
}

/// Percent-decoding of URL parts, strict: a "%" must start two hex digits, and the bytes must be UTF-8.
enum PercentDecoding {
    static func decode(_ text: Substring, plusIsSpace: Bool) throws(RequestProblem) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw RequestProblem(status: 400, message: "a malformed percent-escape in \"\(RequestReader.printable(String(text)))\"")
                }
                bytes.append(high << 4 | low)
            case UInt8(ascii: "+") where plusIsSpace:
                bytes.append(0x20)
            default:
                bytes.append(byte)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw RequestProblem(status: 400, message: "the request is not UTF-8 once its percent-escapes are decoded")
        }
        return decoded
    }

    /// Refuses control characters (NUL, line breaks, DEL …): no address, query or name has them.
    static func checkPrintable(_ text: String, what: String) throws(RequestProblem) {
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }) {
            throw RequestProblem(status: 400, message: "\(what) holds a control character")
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
