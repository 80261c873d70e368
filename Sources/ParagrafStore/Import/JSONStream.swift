/// The documents of one input stream: JSON lines (one document a line), concatenated or pretty-printed JSON
/// documents, or, for anything that does not start with "{", the whole stream as one document.
///
/// The mode is decided by the first document: if it ends on its first line, the stream is JSON lines and every
/// line is a document of its own (so a truncated or broken line fails alone and the next line is read); otherwise
/// lines are gathered until the braces close.
final class JSONStream {
    private let bytes: ByteStream
    private let name: String
    private let key: String?
    private let limit: Int
    private var line = 0
    private var mode: Mode?
    private var documents = 0

    private enum Mode {
        case lines, objects, whole
    }

    init(_ bytes: ByteStream, name: String, key: String?, limit: Int) {
        self.bytes = bytes
        self.name = name
        self.key = key
        self.limit = limit
    }

    /// Bytes read from the stream so far.
    var bytesRead: Int { bytes.bytesRead }

    func next() throws(StoreError) -> ImportItem? {
        if mode == nil {
            let head = try bytes.peek(4)
            if head.starts(with: [0x28, 0xB5, 0x2F, 0xFD]) || head.starts(with: [0x1F, 0x8B]) {
                mode = .whole
                _ = try bytes.rest(limit: 0)
                let tool = head.first == 0x28 ? "zstd -dc" : "gzip -dc"
                return item([], suffix: nil, rejection: "compressed data: decompress it first, e.g. `\(tool) \(name) | paragraf import -`")
            }
            let first = try bytes.peek(4096).first {
                $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF
            }
            mode = first == 0x7B ? nil : .whole
            if mode == .whole {
                let (rest, size) = try bytes.rest(limit: limit)
                guard rest != nil || size > 0 else { return nil }
                var item = item(rest ?? [], suffix: nil)
                if rest == nil { item.oversize = size }
                return item
            }
        }
        switch mode {
        case .whole: return nil
        case .lines: return try nextLine()
        case .objects: return try nextObject()
        case nil: return try first()
        }
    }

    private func item(_ content: [UInt8], suffix: Int?, rejection: String? = nil) -> ImportItem {
        documents += 1
        let source = suffix.map { "\(name):\($0)" } ?? name
        return ImportItem(
            bytes: content, source: source, sourceKey: key.map { k in suffix.map { "\(k):\($0)" } ?? k }, rejection: rejection)
    }

    /// The next non-empty line as a document.
    private func nextLine() throws(StoreError) -> ImportItem? {
        while let next = try bytes.nextLine(limit: limit) {
            line += 1
            switch next {
            case .tooLong(let size):
                var item = item([], suffix: line)
                item.oversize = size
                return item
            case .line(let content):
                guard content.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
                let first = content.first { $0 != 0x20 && $0 != 0x09 }
                if first != 0x7B {
                    return item([], suffix: line, rejection: "line \(line) is not a JSON object (it starts with \(Self.describe(first)))")
                }
                return item(content, suffix: line)
            }
        }
        return nil
    }

    /// The first document, which decides the mode: a first line that is only "{" starts a pretty-printed
    /// document (objects mode); any other first line is a document of JSON lines.
    private func first() throws(StoreError) -> ImportItem? {
        while let next = try bytes.nextLine(limit: limit) {
            line += 1
            switch next {
            case .tooLong(let size):
                mode = .lines
                var item = item([], suffix: line)
                item.oversize = size
                return item
            case .line(let text):
                let trimmed = text.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
                if trimmed.isEmpty { continue }
                if trimmed == [0x7B] {
                    mode = .objects
                    return try nextObject(startingWith: text)
                }
                mode = .lines
                return item(text, suffix: line)
            }
        }
        return nil
    }

    /// The next document gathered over lines until its braces close (objects mode).
    private func nextObject(startingWith firstLine: [UInt8]? = nil) throws(StoreError) -> ImportItem? {
        var content: [UInt8] = []
        var depth = JSONDepth()
        var startLine = 0
        var size = 0
        var tooLong = false
        func add(_ text: [UInt8]) {
            depth.feed(text)
            size += text.count + 1
            guard !tooLong else { return }
            if size > limit {
                tooLong = true
                content = []
            } else {
                content += text
                content.append(0x0A)
            }
        }
        if let firstLine {
            startLine = line
            add(firstLine)
        }
        while !depth.closed, let next = try bytes.nextLine(limit: limit) {
            line += 1
            switch next {
            case .tooLong(let n):
                tooLong = true
                content = []
                size += n
                if startLine == 0 { startLine = line }
            case .line(let text):
                if startLine == 0 {
                    guard text.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
                    startLine = line
                }
                add(text)
            }
        }
        guard startLine > 0 else { return nil }
        // A document that ends with the input before its braces close is handed over as it is: the reader
        // reports it truncated.
        var item = item(tooLong ? [] : content, suffix: documents > 0 || startLine > 1 || !depth.closed ? startLine : nil)
        if tooLong { item.oversize = size }
        return item
    }

    static func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "nothing" }
        if byte >= 0x21 && byte < 0x7F { return "\"\(String(UnicodeScalar(byte)))\"" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }
}
