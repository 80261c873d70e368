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
