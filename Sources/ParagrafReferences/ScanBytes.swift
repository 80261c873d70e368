import Paragraf

/// The citation scanner's byte folding; the byte tests themselves are ``Bytes``' (inlinable across modules).
enum ScanBytes {
    /// `c` with ASCII letters in lower case, other bytes as they are.
    @inline(__always)
    static func fold(_ c: UInt8) -> UInt8 { Bytes.isASCIILetter(c) ? c | 0x20 : c }
}
