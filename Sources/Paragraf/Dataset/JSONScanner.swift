/// A forgiving, position-keeping JSON reader for the dataset's documents.
///
/// It reads one value (and says whether anything but whitespace follows), never throws, and stops at the
/// first error with the offset and a message; what was read before the error is kept in values marked
/// incomplete. Nesting deeper than ``maxDepth`` is skipped by counting brackets, without recursion, so no input
/// can exhaust the stack. Every byte is looked at a bounded number of times: linear in the input.
struct JSONScanner {
    /// Containers nested deeper than this are skipped (with a problem reported) instead of read.
    static let maxDepth = 64

    let b: [UInt8]
    var i: Int
    let end: Int
    /// The first problem met, if any; reading stops there.
    var problem: JSONProblem?
    /// Containers skipped for their depth (reported once, as the first problem only if nothing else went wrong).
    var skippedDeep = 0

    init(_ b: [UInt8], range: Range<Int>) {
        self.b = b
        self.i = range.lowerBound
        self.end = range.upperBound
    }

    /// Reads one value; nil when the input holds none (empty, or broken before a value started).
    mutating func readValue() -> JSONValue? {
        skipSpace()
        return value(depth: 0)
    }

    /// Skips whitespace; true when non-space bytes remain.
    mutating func skipSpace() {
        while i < end {
            let c = b[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }

    var atEnd: Bool { i >= end }

    mutating func fail(_ message: String, at offset: Int? = nil) {
        if problem == nil { problem = JSONProblem(offset: offset ?? i, message: message) }
    }

    private mutating func value(depth: Int) -> JSONValue? {
        guard i < end else {
            fail("the input ends where a value was expected")
            return nil
        }
        let start = i
        switch b[i] {
        case 0x7B:  // {
            if depth >= Self.maxDepth { return skipDeep(start) }
            return object(depth: depth)
        case 0x5B:  // [
            if depth >= Self.maxDepth { return skipDeep(start) }
            return array(depth: depth)
        case 0x22:  // "
            return string()
        case 0x74:  // t
            return literal("true", .bool)
        case 0x66:  // f
            return literal("false", .bool)
        case 0x6E:  // n
            return literal("null", .null)
        case 0x2D, 0x30...0x39:
            return number()
        default:
            fail("unexpected \(describe(b[i])) where a value was expected")
            return nil
        }
    }

    private mutating func object(depth: Int) -> JSONValue {
        var v = JSONValue(kind: .object, range: i..<i)
        let start = i
        i += 1
        skipSpace()
        if i < end, b[i] == 0x7D {
            i += 1
            v.range = start..<i
            return v
        }
        while true {
            skipSpace()
            guard i < end else {
                fail("the input ends inside the object that starts here", at: start)
                break
            }
            guard b[i] == 0x22 else {
                fail("expected a quoted key, found \(describe(b[i]))")
                break
            }
            let key = string()
            guard key.isComplete else { break }
            skipSpace()
            guard i < end, b[i] == 0x3A else {
                fail(i < end ? "expected ':' after a key, found \(describe(b[i]))" : "the input ends after a key")
                break
            }
            i += 1
            skipSpace()
            guard let member = value(depth: depth + 1) else { break }
            let name = JSONStringDecoder.decodeString(b, key.contentRange)
            v.members.append(JSONValue.Member(key: name, keyRange: key.contentRange, value: member))
            guard member.isComplete else { break }
            skipSpace()
            guard i < end else {
                fail("the input ends inside the object that starts here", at: start)
                break
            }
            if b[i] == 0x2C {
                i += 1
                continue
            }
            if b[i] == 0x7D {
                i += 1
                v.range = start..<i
                return v
            }
            fail("expected ',' or '}' after a member, found \(describe(b[i]))")
            break
        }
        v.isComplete = false
        v.range = start..<i
        return v
    }

    private mutating func array(depth: Int) -> JSONValue {
        var v = JSONValue(kind: .array, range: i..<i)
        let start = i
        i += 1
        skipSpace()
        if i < end, b[i] == 0x5D {
            i += 1
            v.range = start..<i
            return v
        }
        while true {
            skipSpace()
            guard let element = value(depth: depth + 1) else { break }
            v.elements.append(element)
            guard element.isComplete else { break }
            skipSpace()
            guard i < end else {
                fail("the input ends inside the array that starts here", at: start)
                break
            }
            if b[i] == 0x2C {
                i += 1
                continue
            }
            if b[i] == 0x5D {
                i += 1
                v.range = start..<i
                return v
            }
            fail("expected ',' or ']' after an element, found \(describe(b[i]))")
            break
        }
        v.isComplete = false
        v.range = start..<i
        return v
    }

    /// A string: its raw contents' range; escapes are only checked for shape here.
    private mutating func string() -> JSONValue {
        let start = i
        i += 1
        var escapes = false
        while i < end {
            let c = b[i]
            if c == 0x22 {
                let v = JSONValue(kind: .string, range: start..<(i + 1), contentRange: (start + 1)..<i, hasEscapes: escapes)
                i += 1
                return v
            }
            if c == 0x5C {
                escapes = true
                i += 2
                continue
            }
            i += 1
        }
        i = end
        fail("the input ends inside the string that starts here", at: start)
        return JSONValue(
            kind: .string, range: start..<end, contentRange: (start + 1)..<end, hasEscapes: escapes, isComplete: false)
    }

    private mutating func literal(_ word: StaticString, _ kind: JSONValue.Kind) -> JSONValue? {
        let start = i
        let count = word.utf8CodeUnitCount
        var k = 0
        while k < count, i + k < end, b[i + k] == word.utf8Start[k] { k += 1 }
        guard k == count else {
            fail("unexpected \(describe(b[i])) where a value was expected")
            return nil
        }
        i += count
        return JSONValue(kind: kind, range: start..<i)
    }

    private mutating func number() -> JSONValue? {
        let start = i
        while i < end {
            let c = b[i]
            guard (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2B || c == 0x2E || c == 0x65 || c == 0x45 else { break }
            i += 1
        }
        return JSONValue(kind: .number, range: start..<i)
    }

    /// Skips a container nested too deep by counting brackets (strings respected), without recursion.
    private mutating func skipDeep(_ start: Int) -> JSONValue? {
        skippedDeep += 1
        fail("values nest deeper than \(Self.maxDepth) levels here; this one is skipped", at: start)
        var depth = 0
        while i < end {
            let c = b[i]
            if c == 0x22 {
                i += 1
                while i < end, b[i] != 0x22 { i += b[i] == 0x5C ? 2 : 1 }
            } else if c == 0x7B || c == 0x5B {
                depth += 1
            } else if c == 0x7D || c == 0x5D {
                depth -= 1
                if depth == 0 {
                    i += 1
                    return nil
                }
            }
            i += 1
        }
        i = end
        return nil
    }

    /// A byte for a message: "'x'", "byte 0x07".
    func describe(_ c: UInt8) -> String {
        c >= 0x20 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x\(String(c, radix: 16, uppercase: true))"
    }
}
