/// A small streaming writer for well-formed XML and HTML: escapes text and attributes, indents blocks.
struct XMLWriter {
    private(set) var output = ""
    private var stack: [String] = []
    private var inline = 0

    /// Escapes `&`, `<`, `>` (and `"` in attributes).
    static func escape(_ text: String, attribute: Bool = false) -> String {
        // Text that needs nothing (the common case) is returned after one pass over its bytes: every
        // character replaced below is ASCII.
        let needsWork = text.utf8.contains { byte in
            byte == 0x26 || byte == 0x3C || byte == 0x3E || (attribute && byte == 0x22)
                || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D)
        }
        guard needsWork else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            default:
                // Control characters other than tab/newline are not allowed in XML 1.0.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    static func attributes(_ attrs: [(String, String?)]) -> String {
        attrs.compactMap { name, value in value.map { " \(name)=\"\(escape($0, attribute: true))\"" } }.joined()
    }

    mutating func raw(_ text: String) { output += text }

    /// Opens a block element on its own line.
    mutating func open(_ name: String, _ attrs: [(String, String?)] = []) {
        output += String(repeating: "  ", count: stack.count) + "<\(name)\(Self.attributes(attrs))>\n"
        stack.append(name)
    }

    mutating func close() {
        let name = stack.removeLast()
        output += String(repeating: "  ", count: stack.count) + "</\(name)>\n"
    }

    /// An element with text content on one line.
    mutating func leaf(_ name: String, _ attrs: [(String, String?)] = [], text: String) {
        output += String(repeating: "  ", count: stack.count) + "<\(name)\(Self.attributes(attrs))>\(Self.escape(text))</\(name)>\n"
    }

    /// An element with prepared (already escaped) inline markup on one line.
    mutating func leaf(_ name: String, _ attrs: [(String, String?)] = [], markup: String) {
        output += String(repeating: "  ", count: stack.count) + "<\(name)\(Self.attributes(attrs))>\(markup)</\(name)>\n"
    }

    /// An empty element.
    mutating func empty(_ name: String, _ attrs: [(String, String?)] = []) {
        output += String(repeating: "  ", count: stack.count) + "<\(name)\(Self.attributes(attrs))/>\n"
    }
}
