/// A run of decoded text and where its raw bytes are.
struct TextPiece {
    var text: String
    var range: Range<Int>?
}
