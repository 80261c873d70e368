#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file descriptor read a megabyte at a time, split into lines on demand; a line longer than a limit is
/// skipped (its length reported) instead of held.
final class ByteStream {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// Bytes read from the descriptor so far.
    private(set) var bytesRead = 0

    init(descriptor: Int32, ownsDescriptor: Bool) {
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Reads more bytes into the buffer; false at the end of input. (Read into a fresh array and appended: the
    /// copies are memcpy even in a debug build, where element-wise buffer edits crawl.)
    private func fill() throws(StoreError) -> Bool {
        if atEnd { return false }
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        let chunk = 1 << 20
        var failure: Int32 = 0
        let piece = [UInt8](unsafeUninitializedCapacity: chunk) { raw, count in
            var n = 0
            repeat {
                n = read(descriptor, raw.baseAddress!, chunk)
            } while n < 0 && errno == EINTR
            if n < 0 { failure = errno }
            count = max(0, n)
        }
        if failure != 0 { throw .unreadableInput("cannot read input: \(String(cString: strerror(failure)))") }
        bytesRead += piece.count
        if piece.isEmpty {
            atEnd = true
            return false
        }
        buffer.append(contentsOf: piece)
        return true
    }

    /// The index of the first "\n" at or after `from`: one pass over each line, beside parsing the document the
    /// line holds and writing it to SQLite.
    private func newline(from: Int) -> Int? {
        guard from < buffer.count else { return nil }
        return buffer[from...].firstIndex(of: 0x0A)
    }

    /// The bytes `range` of the buffer as an array, copied in one piece.
    private func bytes(_ range: Range<Int>) -> [UInt8] {
        Array(buffer[range])
    }

    /// The first bytes of the stream (at most `count`), without consuming them.
    func peek(_ count: Int) throws(StoreError) -> [UInt8] {
        while buffer.count - position < count, try fill() {}
        return bytes(position..<min(buffer.count, position + count))
    }

    /// The next line without its "\n" (and "\r"), or nil at the end; a line over `limit` bytes is skipped (never
    /// held whole) and returned as `.tooLong(length)`.
    func nextLine(limit: Int) throws(StoreError) -> Line? {
        var skipped = 0
        var scanned = 0
        while true {
            let from = position + scanned
            if let newline = newline(from: from) {
                let length = skipped + newline - position
                if skipped > 0 || newline - position > limit {
                    position = newline + 1
                    return .tooLong(length)
                }
                var end = newline
                if end > position, buffer[end - 1] == 0x0D { end -= 1 }
                let line = bytes(position..<end)
                position = newline + 1
                return .line(line)
            }
            if buffer.count - position > limit {
                skipped += buffer.count - position
                position = buffer.count
                scanned = 0
            } else {
                scanned = buffer.count - position
            }
            // fill() moves the unread bytes to the front; `scanned` counts from `position`, so it stays valid.
            guard try fill() else {
                let remaining = buffer.count - position
                if skipped > 0 {
                    position = buffer.count
                    return .tooLong(skipped + remaining)
                }
                guard remaining > 0 else { return nil }
                var line = bytes(position..<buffer.count)
                position = buffer.count
                if line.last == 0x0D { line.removeLast() }
                return .line(line)
            }
        }
    }

    /// Everything left, or nil when it is over `limit` bytes (then the rest is drained and its size returned).
    func rest(limit: Int) throws(StoreError) -> (bytes: [UInt8]?, size: Int) {
        while buffer.count - position <= limit, try fill() {}
        if buffer.count - position > limit {
            var size = buffer.count - position
            position = buffer.count
            while try fill() {
                size += buffer.count - position
                position = buffer.count
            }
            return (nil, size)
        }
        let rest = bytes(position..<buffer.count)
        position = buffer.count
        return (rest, rest.count)
    }

    /// A line of ``nextLine(limit:)``.
    enum Line {
        case line([UInt8])
        case tooLong(Int)
    }
}
