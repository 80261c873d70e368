import Foundation
import Paragraf

/// Renders a ``DocumentDiff`` as JSON with sorted keys, so that equal diffs give equal bytes.
///
/// ``write(_:to:)`` hands the text out in pieces: the long lists (alignment rows, §§, amounts, terms, duties,
/// citations) are encoded one entry at a time, so that rendering needs little more memory than the diff
/// itself. Encoding the whole diff at once held the encoder's value tree, its bytes and the string together:
/// about 520 MB for a 96 MB report of two 4.5 MB texts.
public struct JSONReportFormatter: Sendable {
    /// Creates a formatter.
    public init() {}

    /// The JSON text.
    public func format(_ diff: DocumentDiff) throws -> String {
        var text = ""
        try write(diff) { text += $0 }
        return text
    }

    /// Writes the JSON text that ``format(_:)`` returns, piece by piece, to `output`.
    ///
    /// ```swift
    /// try JSONReportFormatter().write(diff) { piece in FileHandle.standardOutput.write(Data(piece.utf8)) }
    /// ```
    public func write(_ diff: DocumentDiff, to output: (String) throws -> Void) throws {
        try writeBytes(diff) { try output(String(decoding: $0, as: UTF8.self)) }
    }

    /// ``write(_:to:)`` with the pieces as UTF-8 bytes (what a file or a pipe takes, without a `String` between).
    package func writeBytes(_ diff: DocumentDiff, to output: ([UInt8]) throws -> Void) throws {
        let encoder = PrettyJSONEncoder()
        // The diff without its lists: each list is written as an empty one, then filled in where it stands.
        var skeleton = diff
        skeleton.metadata = []
        skeleton.amounts = []
        skeleton.terms = []
        skeleton.duties = []
        skeleton.citations = []
        skeleton.sections = []
        skeleton.alignment = Alignment(chapters: [], sections: [], subsections: [], items: [], annexes: [], preamble: [])
        let lists: [ListSplice] = [
            ListSplice("metadata", 2, diff.metadata), ListSplice("amounts", 2, diff.amounts),
            ListSplice("terms", 2, diff.terms), ListSplice("duties", 2, diff.duties),
            ListSplice("citations", 2, diff.citations), ListSplice("sections", 2, diff.sections),
            ListSplice("chapters", 4, diff.alignment.chapters), ListSplice("sections", 4, diff.alignment.sections),
            ListSplice("subsections", 4, diff.alignment.subsections), ListSplice("items", 4, diff.alignment.items),
            ListSplice("annexes", 4, diff.alignment.annexes), ListSplice("preamble", 4, diff.alignment.preamble),
        ]
        let text = Array(try encoder.encode(skeleton)) + [0x0A]
        // Where each empty list stands in the skeleton, in text order.
        let placed = try lists.map { list -> (range: Range<Int>, list: ListSplice) in
            guard let range = JSONPieces.find(list.marker, in: text) else {
                throw EncodingError.invalidValue(
                    list.name, EncodingError.Context(codingPath: [], debugDescription: "no empty list \(list.name) in the skeleton"))
            }
            return (range, list)
        }.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var done = 0
        for (range, list) in placed {
            // Up to and including the list's opening bracket.
            let open = range.lowerBound + list.opening.count
            try output(Array(text[done..<open]))
            try list.write(encoder, output)
            done = range.upperBound
        }
        try output(Array(text[done...]))
    }
}

extension JSONReportFormatter {
    /// One list of a diff and the place of its key in the pretty-printed JSON.
    fileprivate struct ListSplice {
        let name: String
        /// `"\n" + indent + "\"name\" : ["`: the key's line up to its bracket.
        let opening: [UInt8]
        /// What an empty list reads as there: the opening, an empty line and the closing bracket.
        let marker: [UInt8]
        /// Writes the entries and the closing bracket that follow the opening.
        let write: (PrettyJSONEncoder, ([UInt8]) throws -> Void) throws -> Void

        /// The list `name` whose key's line is indented `indent` spaces.
        init<Element: Encodable>(_ name: String, _ indent: Int, _ elements: [Element]) {
            self.name = name
            let spaces = JSONPieces.spaces(indent)
            opening = [0x0A] + spaces + Array("\"\(name)\" : [".utf8)
            marker = opening + [0x0A, 0x0A] + spaces + [0x5D]
            write = { encoder, output in
                guard !elements.isEmpty else {
                    try output([0x0A, 0x0A] + spaces + [0x5D])
                    return
                }
                try output([0x0A])
                try JSONPieces.writeEntries(elements, indent: indent + 2, encoder: encoder, to: output)
                try output([0x0A] + spaces + [0x5D])
            }
        }
    }
}
