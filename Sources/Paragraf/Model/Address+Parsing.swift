import Foundation

extension Address {
    /// Why a citation typed by a user could not be read.
    public struct ParseError: Error, CustomStringConvertible, Equatable {
        /// What was typed.
        public var input: String
        /// What is wrong with it.
        public var reason: String

        public var description: String {
            "cannot read \"\(input)\" as a citation: \(reason). Examples: \"§ 17\", \"§ 17, stk. 3\", \"§ 2, stk. 1, nr. 4\", \"§ 1, stk. 2, 2. pkt.\", \"kapitel 4\", \"bilag 1\", \"indledning\""
        }
    }

    /// Reads a citation of one provision as a user types it: "§ 17", "§ 4 a", "§ 17, stk. 3", "§17 stk 3",
    /// "§ 2, stk. 1, nr. 4", "§ 2, stk. 1, nr. 4, litra a", "§ 1, stk. 2, 2. pkt.", "kapitel 4", "kap. 4",
    /// "bilag 1", "indledning", "titel", "underskrift", or a node id such as "p17/stk3".
    public static func parse(_ input: String) throws(ParseError) -> Address {
        let fail = { (reason: String) in ParseError(input: input, reason: reason) }
        var text = input.replacingOccurrences(of: "\u{00A0}", with: " ").lowercased()
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for lead in ["jf. dog ", "jf. ", "jfr. "] where text.hasPrefix(lead) { text.removeFirst(lead.count) }
        if text.hasSuffix(".") && !text.hasSuffix("pkt.") { text.removeLast() }
        if text.isEmpty { throw fail("it is empty") }
        switch text {
        case "indledning", "præambel", "preamble", "indledningen": return Address(special: .preamble)
        case "titel", "title", "titlen": return Address(special: .title)
        case "underskrift", "signature", "underskriften": return Address(special: .signature)
        default: break
        }
        if !text.contains(" "), !text.contains("§"), let id = NodeID(parsing: text), let byID = Address(id: id) { return byID }
        // Tokens: words and numbers; "§17" → "§", "17"; "4a" → "4", "a"; "2." → "2", "."
        var tokens: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty { tokens.append(current) }
            current = ""
        }
        for ch in text {
            if ch == "§" || ch == "," || ch == "." || ch == "(" || ch == ")" {
                flush()
                tokens.append(String(ch))
            } else if ch == " " {
                flush()
            } else if let last = current.last, last.isNumber != ch.isNumber {
                flush()
                current.append(ch)
            } else {
                current.append(ch)
            }
        }
        flush()
        tokens.removeAll { $0 == "," || $0 == "." }
        var address = Address()
        var i = 0
        func number(_ what: String) throws(ParseError) -> String {
            guard i < tokens.count, tokens[i].allSatisfy(\.isNumber) else { throw fail("a number must follow \"\(what)\"") }
            defer { i += 1 }
            return tokens[i]
        }
        while i < tokens.count {
            let token = tokens[i]
            i += 1
            switch token {
            case "§":
                var n = try number("§")
                if i < tokens.count, tokens[i].count == 1, tokens[i].first!.isLetter, tokens[i] != "i" {
                    n += " " + tokens[i]
                    i += 1
                }
                address.section = n
            case "stk":
                guard let value = Int(try number("stk.")) else { throw fail("stk. needs a number") }
                address.subsection = value
            case "nr":
                address.item = try number("nr.")
            case "litra", "lit":
                guard i < tokens.count, tokens[i].count == 1 else { throw fail("a letter must follow \"litra\"") }
                if address.item == nil { address.item = tokens[i] } else { address.litra = tokens[i] }
                i += 1
            case "kapitel", "kap":
                var n = try number("kapitel")
                if i < tokens.count, tokens[i].count == 1, tokens[i].first!.isLetter {
                    n += " " + tokens[i]
                    i += 1
                }
                address.chapter = n
            case "bilag":
                address.annex = try number("bilag")
            case "pkt", "punktum":
                throw fail("write the sentence number before \"pkt.\", as in \"2. pkt.\"")
            case _ where token.allSatisfy(\.isNumber):
                if i < tokens.count, tokens[i] == "pkt" || tokens[i] == "punktum" {
                    address.sentence = Int(token)
                    i += 1
                } else if i < tokens.count, tokens[i] == ")" {
                    address.item = token
                    i += 1
                } else {
                    throw fail("unexpected number \(token)")
                }
            case ")":
                continue
            default:
                throw fail("unexpected \"\(token)\"")
            }
        }
        if address.section == nil && (address.subsection != nil || address.item != nil || address.sentence != nil) {
            throw fail("a stk., nr. or pkt. needs its § (relative citations are resolved by `paragraf resolve --from`)")
        }
        if address.section != nil && (address.chapter != nil || address.annex != nil) {
            address.chapter = nil
        }
        return address
    }
}
