import Foundation

/// Pretty-printed, key-sorted JSON written in pieces: a long list is encoded one entry at a time into the
/// place its container's encoding leaves for it, byte for byte as one encoder pass over the whole value
/// would print it. Encoding a large value at once holds the encoder's value tree, its bytes and a string
/// of them together, many times the size of the value.
package enum JSONPieces {
    /// Foundation's encoder set up as every JSON output is printed: sorted keys, pretty-printed, slashes
    /// unescaped. ``PrettyJSONEncoder`` prints the same faster; this one serves what it does not print itself.
    package static func foundationEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }

    /// `count` spaces.
    package static func spaces(_ count: Int) -> [UInt8] { [UInt8](repeating: 0x20, count: count) }

    /// Writes `entries` as the encoder prints a list's entries nested `indent` spaces deep: each entry moved
    /// right, the entries separated by ",\n", each encoded and handed to `output` on its own.
    package static func writeEntries<Entry: Encodable>(
        _ entries: [Entry], indent: Int, encoder: PrettyJSONEncoder, to output: ([UInt8]) throws -> Void
    ) throws {
        let spaces = spaces(indent)
        for (k, entry) in entries.enumerated() {
            var piece: [UInt8] = k == 0 ? spaces : [0x2C, 0x0A] + spaces
            try encoder.encode(entry, nestedBy: indent, into: &piece)
            try output(piece)
        }
    }

    /// Appends `json` (pretty-printed at the top level) moved right by `spaces`, as the encoder prints a
    /// value nested that deep: every line but an empty one (an empty list's) takes the indentation.
    /// Line feeds in JSON are always between tokens; one inside a string is written `\n`.
    package static func append(_ json: [UInt8], indentedBy spaces: [UInt8], to result: inout [UInt8]) {
        result.reserveCapacity(result.count + json.count + json.count / 4)
        guard !json.isEmpty else { return }
        var start = 0
        result.append(contentsOf: spaces)
        while start < json.count {
            let end = min((json[start...].firstIndex(of: 0x0A) ?? json.count) + 1, json.count)
            result.append(contentsOf: json[start..<end])
            if end < json.count, json[end] != 0x0A { result.append(contentsOf: spaces) }
            start = end
        }
    }

    /// The first occurrence of `needle` in `haystack` (a skeleton: small, so a plain scan).
    package static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i..<(i + needle.count) }
            i += 1
        }
        return nil
    }

    /// Where `placeholder` (a value standing in a skeleton as a list's only entry) was printed in
    /// `skeleton`, with the depth it was printed at; nil if it is not there.
    package static func locate(_ placeholder: [UInt8], in skeleton: [UInt8]) -> (range: Range<Int>, indent: Int)? {
        for indent in stride(from: 2, through: 256, by: 2) {
            var needle: [UInt8] = [0x0A]
            append(placeholder, indentedBy: spaces(indent), to: &needle)
            needle.append(0x0A)
            if let range = find(needle, in: skeleton) { return (range.lowerBound + 1..<range.upperBound - 1, indent) }
        }
        return nil
    }
}
