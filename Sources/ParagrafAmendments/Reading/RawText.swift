import Paragraf

/// The text of one instruction (or introduction) as the readers hand it to the grammar: pieces of source text
/// joined by single spaces, each remembering where it lies in the source.
///
/// The text reader gives one exact piece (the instruction's bytes); the LexDania reader gives one piece per
/// sentence of the imported tree, exact when the sentence's text is its raw bytes in the XML and otherwise
/// mapped to the sentence's range as a whole.
struct RawText: Sendable {
    /// A piece of text and its source range.
    struct Piece: Sendable {
        /// The text.
        var text: String
        /// The bytes of the source it comes from.
        var range: Range<Int>
        /// True when `text` is exactly the source bytes of `range`, so offsets inside it map one to one.
        var exact: Bool
    }

    /// The pieces, in order.
    private(set) var pieces: [Piece] = []
    /// The joined text's UTF-8 bytes.
    private(set) var bytes: [UInt8] = []
    /// Where each piece starts in `bytes`.
    private var starts: [Int] = []

    init() {}

    /// A single exact piece.
    init(exact range: Range<Int>, in source: SourceText) {
        append(Piece(text: source.string(range), range: range, exact: true))
    }

    /// Appends a piece, after a space when the text is not empty.
    mutating func append(_ piece: Piece) {
        if !bytes.isEmpty { bytes.append(0x20) }
        starts.append(bytes.count)
        bytes.append(contentsOf: piece.text.utf8)
        pieces.append(piece)
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// The joined text.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The joined text of `range` (offsets into ``bytes``), whitespace normalized.
    func text(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        return Bytes.normalized(String(decoding: bytes[lower..<upper], as: UTF8.self))
    }

    /// The source offset of joined offset `offset`; `end` picks the end of an inexact piece.
    func sourceOffset(_ offset: Int, end: Bool) -> Int {
        guard !pieces.isEmpty else { return 0 }
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let piece = pieces[low]
        if piece.exact {
            return min(piece.range.lowerBound + max(0, offset - starts[low]), piece.range.upperBound)
        }
        return end ? piece.range.upperBound : piece.range.lowerBound
    }

    /// The source range of joined range `range`.
    func sourceRange(_ range: Range<Int>, in source: SourceText) -> SourceRange {
        let start = sourceOffset(range.lowerBound, end: false)
        let end = range.isEmpty ? start : max(start, sourceOffset(range.upperBound, end: true))
        return source.range(start, end)
    }

    /// The source range of the whole text.
    func wholeRange(in source: SourceText) -> SourceRange {
        guard let first = pieces.first, let last = pieces.last else { return source.range(0, 0) }
        return source.range(first.range.lowerBound, max(first.range.lowerBound, last.range.upperBound))
    }
}
