/// A JSON value read from UTF-8 bytes, with the byte range it was read from.
///
/// Strings keep the range of their raw contents (between the quotes, escapes undecoded); decode them with
/// ``JSONStringDecoder``. A value the input broke off inside (truncated or malformed JSON) is kept with what
/// was read of it and `isComplete == false`.
struct JSONValue: Sendable {
    /// What the value is.
    enum Kind: String, Sendable {
        case object, array, string, number, bool, null
    }

    /// One member of an object: its key (decoded), the key's raw range and the value.
    struct Member: Sendable {
        var key: String
        var keyRange: Range<Int>
        var value: JSONValue
    }

    var kind: Kind
    /// The bytes of the whole value (quotes and brackets included).
    var range: Range<Int>
    /// A string's raw contents between its quotes.
    var contentRange: Range<Int> = 0..<0
    /// Whether a string holds a backslash escape (its decoded bytes differ from its raw bytes).
    var hasEscapes = false
    /// An object's members in input order.
    var members: [Member] = []
    /// An array's elements.
    var elements: [JSONValue] = []
    /// False when the input ended or broke inside the value.
    var isComplete = true

    /// The first member named `key`, if any.
    subscript(key: String) -> JSONValue? { members.first { $0.key == key }?.value }

    /// What the value is, for messages: "a string", "an object".
    var kindDescription: String {
        switch kind {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}
