import Paragraf

/// A document's line starts, kept so that stored byte offsets print as line:column without the source text.
/// Stored as a blob of LEB128 varints of the gaps between line starts (a few bytes a line).
struct LineTable: Sendable, Hashable {
    /// Offsets of the first byte of each line, the first one 0.
    let starts: [Int]

    init(starts: [Int]) { self.starts = starts.isEmpty ? [0] : starts }

    /// Reads a blob made by ``encoded``; a damaged blob gives the lines it can read.
    init(blob: [UInt8]) {
        var starts: [Int] = [0]
        var value = 0
        var shift = 0
        var previous = 0
        for byte in blob {
            value |= Int(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                previous += value
                starts.append(previous)
                value = 0
                shift = 0
            } else {
                shift += 7
                if shift > 56 { break }
            }
        }
        self.starts = starts
    }

    /// The blob: the gaps after the first start, as varints.
    var encoded: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(starts.count * 2)
        var previous = 0
        for start in starts.dropFirst() {
            var gap = start - previous
            previous = start
            while gap >= 0x80 {
                out.append(UInt8(gap & 0x7F) | 0x80)
                gap >>= 7
            }
            out.append(UInt8(gap))
        }
        return out
    }

    /// The position of `offset` (line and column come from ``locations(byteCount:)``).
    func position(_ offset: Int) -> SourcePosition {
        SourcePosition(offset: offset)
    }

    /// The converter that prints offsets of a text of `byteCount` bytes as line:column.
    func locations(byteCount: Int) -> SourceLocationConverter {
        SourceLocationConverter(lineStarts: starts, byteCount: byteCount)
    }

    /// The range of `offsets` with positions.
    func range(_ offsets: Range<Int>) -> SourceRange {
        SourceRange(start: position(offsets.lowerBound), end: position(offsets.upperBound))
    }
}
