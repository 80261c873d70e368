/// Brace depth of JSON read line by line, aware of strings and escapes.
struct JSONDepth {
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var started = false

    /// Whether a value was opened and all its braces are closed again.
    var closed: Bool { started && depth <= 0 && !inString }

    mutating func feed(_ bytes: [UInt8]) {
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    inString = false
                }
                continue
            }
            switch byte {
            case 0x22: inString = true
            case 0x7B, 0x5B:
                depth += 1
                started = true
            case 0x7D, 0x5D: depth -= 1
            default: break
            }
        }
    }
}
