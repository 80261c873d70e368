import Foundation

/// Encodes a value as pretty-printed JSON with sorted keys and unescaped slashes: byte for byte what
/// Foundation's `JSONEncoder` prints with `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]`, several
/// times faster.
///
/// Every JSON output of Paragraf is in that form. Foundation builds a tree of boxed values, a dictionary per
/// object, and serializes it with generic code; this encoder writes each scalar's JSON once into one byte
/// arena and keeps the containers as linked entries of one table, their keys sorted when printed. A value it does not know how to print
/// as Foundation would (`Date`, `Data`, `Decimal`, `URL`) makes it hand the whole value to `JSONEncoder`.
///
/// Kept beside Foundation's encoder because it pays (callgrind, whole process, Foundation's encoder in its
/// place with the same streaming): `parse --format json` of the synthetic x10 text 433.6 M → 690.8 M
/// instructions (+59 %), `diff 2003 2020 --format json` 215.9 M → 294.7 M (+36 %), `refs 2020 --format json`
/// +8 %, `show`/`history --format json` +2 %; peak memory unchanged (the streaming is ``JSONPieces``'s).
package struct PrettyJSONEncoder {
    /// What values read from their encoder's `userInfo` (the ``SourceLocationConverter`` of positions).
    package var userInfo: [CodingUserInfoKey: any Sendable] = [:]

    package init(userInfo: [CodingUserInfoKey: any Sendable] = [:]) { self.userInfo = userInfo }

    /// The JSON of `value`, without a final line feed (as `JSONEncoder` gives it).
    package func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        var out: [UInt8] = []
        try encode(value, nestedBy: 0, into: &out)
        return out
    }

    /// Appends the JSON of `value` as it is printed nested `indent` spaces deep (every line after the
    /// first indented by that much more), the indentation of its first line left to the caller.
    package func encode<Value: Encodable>(_ value: Value, nestedBy indent: Int, into out: inout [UInt8]) throws {
        let tree = JSONTree(userInfo: userInfo)
        do {
            let root = try tree.encodeValue(value, codingPath: [])
            guard !tree.unsupported else { throw UnsupportedByPrettyJSON() }
            out.reserveCapacity(out.count + tree.arena.count + tree.arena.count / 2)
            tree.write(root, indent: indent, into: &out)
        } catch is UnsupportedByPrettyJSON {
            let encoder = JSONPieces.foundationEncoder()
            encoder.userInfo = userInfo
            let json = Array(try encoder.encode(value))
            var nested: [UInt8] = []
            JSONPieces.append(json, indentedBy: JSONPieces.spaces(indent), to: &nested)
            out.append(contentsOf: nested.dropFirst(indent))
        }
    }
}

/// Thrown inside when a value needs Foundation's own encoding.
private struct UnsupportedByPrettyJSON: Error {}

/// What an encoding builds: one table of entries (scalars, arrays, objects) linked parent to children, the
/// JSON of every scalar in one arena and the keys in another. No entry is an object of its own, so
/// building and freeing the tree costs no reference counting per value.
private final class JSONTree {
    enum Kind: UInt8 { case scalar, array, object }

    struct Entry {
        var kind: Kind
        /// A scalar's JSON in ``arena``.
        var start: Int32 = 0
        var end: Int32 = 0
        /// A container's first and last child, -1 when empty.
        var first: Int32 = -1
        var last: Int32 = -1
        var count: Int32 = 0
        /// The next child of the same container, -1 at the end.
        var next: Int32 = -1
        /// The key (raw UTF-8 in ``keys``) of an object's child.
        var keyStart: Int32 = 0
        var keyEnd: Int32 = 0
    }

    /// The entries, the scalars' JSON and the keys' bytes.
    struct Buffers {
        var entries: [Entry] = []
        var arena: [UInt8] = []
        var keys: [UInt8] = []
    }

    // Read and written only by this class's own single-threaded encoding: no dynamic exclusivity checks.
    // Measured (callgrind, whole process): with the checks `parse --format json` of the x10 text runs
    // 26.5 % more instructions and `diff 2003 2020 --format json` 17.5 % more.
    @exclusivity(unchecked) var buffers = Buffers()

    var entries: [Entry] {
        get { buffers.entries }
        _modify { yield &buffers.entries }
    }
    var arena: [UInt8] {
        get { buffers.arena }
        _modify { yield &buffers.arena }
    }
    var keys: [UInt8] {
        get { buffers.keys }
        _modify { yield &buffers.keys }
    }
    /// Set when a value asked for what this encoder does not do (a super encoder): Foundation encodes instead.
    var unsupported = false

    /// The encoder's `userInfo`, handed to every value.
    let userInfo: [CodingUserInfoKey: Any]

    /// `userInfo[.sourceLocations]`, read once: positions are written from it here, not each by a lookup and
    /// a cast of its own.
    let locations: SourceLocationConverter?
    /// The line of the last position written, where the next one's line is looked for first.
    var lineHint = 0

    init(userInfo: [CodingUserInfoKey: any Sendable]) {
        self.userInfo = userInfo
        self.locations = userInfo[.sourceLocations] as? SourceLocationConverter
        entries.reserveCapacity(64)
        arena.reserveCapacity(1024)
    }

    func container(_ kind: Kind) -> Int32 {
        entries.append(Entry(kind: kind))
        return Int32(entries.count - 1)
    }

    /// Links `child` as the last child of `parent` (under `key` in an object).
    func add(_ child: Int32, to parent: Int32, key: String? = nil) {
        if let key {
            let start = Int32(keys.count)
            keys.append(contentsOf: key.utf8)
            entries[Int(child)].keyStart = start
            entries[Int(child)].keyEnd = Int32(keys.count)
        }
        let last = entries[Int(parent)].last
        if last >= 0 { entries[Int(last)].next = child } else { entries[Int(parent)].first = child }
        entries[Int(parent)].last = child
        entries[Int(parent)].count += 1
    }

    /// A scalar entry for the bytes written into the arena since `start`.
    private func scalar(from start: Int) -> Int32 {
        entries.append(Entry(kind: .scalar, start: Int32(start), end: Int32(arena.count)))
        return Int32(entries.count - 1)
    }

    /// `text` as a JSON string.
    func string(_ text: String) -> Int32 {
        let start = arena.count
        JSONTree.appendString(text, to: &arena)
        return scalar(from: start)
    }

    /// `text` (a number or a literal) as it is.
    func literal(_ text: String) -> Int32 {
        let start = arena.count
        arena.append(contentsOf: text.utf8)
        return scalar(from: start)
    }

    /// An integer's decimal digits, written straight into the arena.
    func integer<T: BinaryInteger>(_ value: T) -> Int32 {
        let start = arena.count
        if value < 0 { arena.append(0x2D) }
        // Digits from the lowest, then turned around; magnitudes kept in UInt64 (Int64.min included).
        var magnitude = UInt64(value.magnitude)
        let digits = arena.count
        repeat {
            arena.append(0x30 + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        arena[digits...].reverse()
        return scalar(from: start)
    }

    /// A floating-point number as Foundation prints it: its description without a trailing ".0".
    func number<T: BinaryFloatingPoint & CustomStringConvertible>(_ value: T) throws -> Int32 {
        guard value.isFinite else { throw UnsupportedByPrettyJSON() }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return literal(text)
    }

    /// A position written as ``SourcePosition/encode(to:)`` writes it (`{"column", "line", "offset"}`, the
    /// keys in their printed order) from ``locations``, without an encoder of its own.
    func position(_ offset: Int, _ locations: SourceLocationConverter) -> Int32 {
        let location = locations.location(of: offset, lineHint: &lineHint)
        let object = container(.object)
        add(integer(location.column), to: object, key: "column")
        add(integer(location.line), to: object, key: "line")
        add(integer(location.offset), to: object, key: "offset")
        return object
    }

    /// A range written as its synthesized encoding writes it (`{"end", "start"}`), its ends by ``position(_:_:)``.
    func range(_ range: SourceRange, _ locations: SourceLocationConverter) -> Int32 {
        let object = container(.object)
        add(position(range.end.offset, locations), to: object, key: "end")
        add(position(range.start.offset, locations), to: object, key: "start")
        return object
    }

    /// The entry of a position or a range written straight from ``locations``, nil for any other value (or
    /// with no converter: the value then encodes itself and reports it).
    func located<Value: Encodable>(_ value: Value) -> Int32? {
        guard let locations else { return nil }
        if Value.self == SourceRange.self { return range(unsafeBitCast(value, to: SourceRange.self), locations) }
        if Value.self == SourcePosition.self {
            return position(unsafeBitCast(value, to: SourcePosition.self).offset, locations)
        }
        return nil
    }

    /// Encodes any value: the scalars are told by their type (a pointer comparison, not a cast), those
    /// Foundation prints its own way are refused, positions and ranges are written from ``locations``, and
    /// the rest encode themselves.
    func encodeValue<Value: Encodable>(_ value: Value, codingPath: [any CodingKey]) throws -> Int32 {
        if Value.self == String.self { return string(unsafeBitCast(value, to: String.self)) }
        if let entry = located(value) { return entry }
        if Value.self == Int.self { return integer(unsafeBitCast(value, to: Int.self)) }
        if Value.self == Double.self { return try number(unsafeBitCast(value, to: Double.self)) }
        if Value.self == Bool.self { return literal(unsafeBitCast(value, to: Bool.self) ? "true" : "false") }
        if Value.self == Date.self || Value.self == Data.self || Value.self == Decimal.self || Value.self == URL.self {
            throw UnsupportedByPrettyJSON()
        }
        let encoder = TreeEncoder(tree: self, codingPath: codingPath)
        try value.encode(to: encoder)
        // A value that encodes nothing prints as an empty object, as in Foundation.
        return encoder.node ?? container(.object)
    }

    /// Prints entry `index` at nesting `indent` (in spaces).
    func write(_ index: Int32, indent: Int, into out: inout [UInt8]) {
        let entry = entries[Int(index)]
        switch entry.kind {
        case .scalar:
            out.append(contentsOf: arena[Int(entry.start)..<Int(entry.end)])
        case .array:
            out.append(0x5B)
            if entry.count == 0 { out.append(0x0A) }
            var child = entry.first
            while child >= 0 {
                if child != entry.first { out.append(0x2C) }
                out.append(0x0A)
                JSONTree.appendSpaces(indent + 2, to: &out)
                write(child, indent: indent + 2, into: &out)
                child = entries[Int(child)].next
            }
            out.append(0x0A)
            JSONTree.appendSpaces(indent, to: &out)
            out.append(0x5D)
        case .object:
            out.append(0x7B)
            if entry.count == 0 { out.append(0x0A) }
            for (k, child) in sortedChildren(of: entry).enumerated() {
                if k > 0 { out.append(0x2C) }
                out.append(0x0A)
                JSONTree.appendSpaces(indent + 2, to: &out)
                let key = entries[Int(child)]
                JSONTree.appendString(keys[Int(key.keyStart)..<Int(key.keyEnd)], to: &out)
                out.append(0x20)
                out.append(0x3A)
                out.append(0x20)
                write(child, indent: indent + 2, into: &out)
            }
            out.append(0x0A)
            JSONTree.appendSpaces(indent, to: &out)
            out.append(0x7D)
        }
    }

    /// An object's children ordered by their keys' UTF-8 bytes; of a key set twice the last value stays,
    /// as in the dictionary Foundation keeps.
    private func sortedChildren(of object: Entry) -> [Int32] {
        var children: [Int32] = []
        children.reserveCapacity(Int(object.count))
        var child = object.first
        while child >= 0 {
            children.append(child)
            child = entries[Int(child)].next
        }
        /// The byte order of two keys: negative, zero or positive.
        func compare(_ a: Int32, _ b: Int32) -> Int {
            let ea = entries[Int(a)]
            let eb = entries[Int(b)]
            var i = Int(ea.keyStart)
            var j = Int(eb.keyStart)
            while i < Int(ea.keyEnd) && j < Int(eb.keyEnd) {
                if keys[i] != keys[j] { return Int(keys[i]) - Int(keys[j]) }
                i += 1
                j += 1
            }
            return Int(ea.keyEnd - ea.keyStart) - Int(eb.keyEnd - eb.keyStart)
        }
        // Encoders write their keys in declaration order, mostly sorted already; sort stably.
        children.sort { a, b in
            let order = compare(a, b)
            return order < 0 || (order == 0 && a < b)
        }
        var result: [Int32] = []
        result.reserveCapacity(children.count)
        for c in children {
            if let last = result.last, compare(last, c) == 0 { result[result.count - 1] = c } else { result.append(c) }
        }
        return result
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 256)

    static func appendSpaces(_ count: Int, to out: inout [UInt8]) {
        var count = count
        while count > 0 {
            let n = min(count, spaces.count)
            out.append(contentsOf: spaces[0..<n])
            count -= n
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// `text` as a JSON string: quotes, backslashes and control characters escaped, the rest as it is.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString($0, to: &out) }
    }

    /// `bytes` (UTF-8) as a JSON string.
    static func appendString<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, to out: inout [UInt8])
    where Bytes.Index == Int {
        out.append(0x22)
        var start = bytes.startIndex
        for i in bytes.indices {
            let byte = bytes[i]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            out.append(contentsOf: bytes[start..<i])
            out.append(0x5C)
            switch byte {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x08: out.append(0x62)
            case 0x0C: out.append(0x66)
            case 0x0A: out.append(0x6E)
            case 0x0D: out.append(0x72)
            case 0x09: out.append(0x74)
            default: out.append(contentsOf: [0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            }
            start = i + 1
        }
        out.append(contentsOf: bytes[start...])
        out.append(0x22)
    }
}

/// The `Encoder` a value encodes itself into; what it encodes becomes ``node``.
private final class TreeEncoder: Encoder {
    let tree: JSONTree
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { tree.userInfo }
    var node: Int32?

    init(tree: JSONTree, codingPath: [any CodingKey]) {
        self.tree = tree
        self.codingPath = codingPath
    }

    /// The container this encoder holds, made on first request (a second request gets the same one).
    private func holding(_ kind: JSONTree.Kind) -> Int32 {
        if let node, tree.entries[Int(node)].kind == kind { return node }
        let made = tree.container(kind)
        node = made
        return made
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedTreeContainer<Key>(tree: tree, object: holding(.object), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedTreeContainer(tree: tree, array: holding(.array), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleTreeContainer(encoder: self) }
}

/// The index keys of unkeyed containers' coding paths.
private struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

private struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let tree: JSONTree
    let object: Int32
    let codingPath: [any CodingKey]

    private func set(_ node: Int32, _ key: Key) { tree.add(node, to: object, key: key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws { set(tree.literal("null"), key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(tree.literal(value ? "true" : "false"), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(tree.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(try tree.number(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(try tree.number(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(tree.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(tree.integer(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(tree.integer(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(tree.integer(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(tree.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(tree.integer(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(tree.integer(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(tree.integer(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(tree.integer(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(tree.integer(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        // Positions and ranges (three per node) need no coding path: none is built for them.
        if let entry = tree.located(value) { return set(entry, key) }
        set(try tree.encodeValue(value, codingPath: codingPath + [key]), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<
        NestedKey
    > {
        let nested = tree.container(.object)
        set(nested, key)
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(tree: tree, object: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = tree.container(.array)
        set(nested, key)
        return UnkeyedTreeContainer(tree: tree, array: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { unsupportedSuperEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { unsupportedSuperEncoder() }

    /// Super encoders write when they are released, which a table cannot follow: Foundation encodes instead.
    private func unsupportedSuperEncoder() -> any Encoder {
        tree.unsupported = true
        return TreeEncoder(tree: tree, codingPath: codingPath)
    }
}

private struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let tree: JSONTree
    let array: Int32
    let codingPath: [any CodingKey]
    var count: Int { Int(tree.entries[Int(array)].count) }

    private func add(_ node: Int32) { tree.add(node, to: array) }

    mutating func encodeNil() throws { add(tree.literal("null")) }
    mutating func encode(_ value: Bool) throws { add(tree.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { add(tree.string(value)) }
    mutating func encode(_ value: Double) throws { add(try tree.number(value)) }
    mutating func encode(_ value: Float) throws { add(try tree.number(value)) }
    mutating func encode(_ value: Int) throws { add(tree.integer(value)) }
    mutating func encode(_ value: Int8) throws { add(tree.integer(value)) }
    mutating func encode(_ value: Int16) throws { add(tree.integer(value)) }
    mutating func encode(_ value: Int32) throws { add(tree.integer(value)) }
    mutating func encode(_ value: Int64) throws { add(tree.integer(value)) }
    mutating func encode(_ value: UInt) throws { add(tree.integer(value)) }
    mutating func encode(_ value: UInt8) throws { add(tree.integer(value)) }
    mutating func encode(_ value: UInt16) throws { add(tree.integer(value)) }
    mutating func encode(_ value: UInt32) throws { add(tree.integer(value)) }
    mutating func encode(_ value: UInt64) throws { add(tree.integer(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        add(try tree.encodeValue(value, codingPath: codingPath + [IndexKey(intValue: count)]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let key = IndexKey(intValue: count)
        let nested = tree.container(.object)
        add(nested)
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(tree: tree, object: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let key = IndexKey(intValue: count)
        let nested = tree.container(.array)
        add(nested)
        return UnkeyedTreeContainer(tree: tree, array: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        tree.unsupported = true
        return TreeEncoder(tree: tree, codingPath: codingPath)
    }
}

private struct SingleTreeContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    private var tree: JSONTree { encoder.tree }

    mutating func encodeNil() throws { encoder.node = tree.literal("null") }
    mutating func encode(_ value: Bool) throws { encoder.node = tree.literal(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { encoder.node = tree.string(value) }
    mutating func encode(_ value: Double) throws { encoder.node = try tree.number(value) }
    mutating func encode(_ value: Float) throws { encoder.node = try tree.number(value) }
    mutating func encode(_ value: Int) throws { encoder.node = tree.integer(value) }
    mutating func encode(_ value: Int8) throws { encoder.node = tree.integer(value) }
    mutating func encode(_ value: Int16) throws { encoder.node = tree.integer(value) }
    mutating func encode(_ value: Int32) throws { encoder.node = tree.integer(value) }
    mutating func encode(_ value: Int64) throws { encoder.node = tree.integer(value) }
    mutating func encode(_ value: UInt) throws { encoder.node = tree.integer(value) }
    mutating func encode(_ value: UInt8) throws { encoder.node = tree.integer(value) }
    mutating func encode(_ value: UInt16) throws { encoder.node = tree.integer(value) }
    mutating func encode(_ value: UInt32) throws { encoder.node = tree.integer(value) }
    mutating func encode(_ value: UInt64) throws { encoder.node = tree.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.node = try tree.encodeValue(value, codingPath: codingPath) }
}
