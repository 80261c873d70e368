import Paragraf

/// A token of a flat token table: bytes, kind and interned key in 12 bytes, instead of a ``Token``'s two
/// strings. Its comparison key follows from its kind and key (``Symbols/bag(_:)``).
struct Tok {
    var start: Int32
    /// The interned key (provisional until its atom is finalized, see ``Symbols``).
    var symbol: Int32
    /// The length in bytes (the low 30 bits) and the kind's raw value (the high 2).
    private let lengthAndKind: UInt32

    /// A token of `end - start` bytes: at most ``Tokenizer/maxTokenLength``, far below the 2³⁰ the length field holds.
    @inline(__always)
    init(start: Int32, end: Int32, symbol: Int32, kind: Token.Kind) {
        let length = UInt32(end - start)
        precondition(length < Tok.lengthMask, "a token of a gigabyte or more")
        self.start = start
        self.symbol = symbol
        lengthAndKind = length | UInt32(kind.rawValue) << 30
    }

    private static let lengthMask: UInt32 = (1 << 30) - 1

    @inline(__always) var end: Int32 { start + Int32(lengthAndKind & Tok.lengthMask) }
    /// The kind: the raw values 0, 1, 2 are the cases' own tags, so the two bits are the enum itself.
    @inline(__always) var kind: Token.Kind { unsafeBitCast(UInt8(truncatingIfNeeded: lengthAndKind >> 30), to: Token.Kind.self) }
    @inline(__always) var offsets: Range<Int> { Int(start)..<Int(end) }
}
