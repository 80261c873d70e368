// Invariant checks shared by the fuzz targets; a violation stops the fuzzer with a message, and
// libFuzzer saves the input as a crash artifact.
enum FuzzChecks {
    /// Like `precondition`, but the message is printed in optimized builds too.
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError(message()) }
    }

    static func atoms(_ parsed: ParsedDocument) {
        let bytes = parsed.source.bytes
        var counts = [UInt8](repeating: 0, count: bytes.count + 1)
        func visit(_ node: Node) {
            var atoms: [Range<Int>] = []
            if node.children.isEmpty && node.text != nil { atoms.append(node.range.offsets) }
            if let label = node.labelRange { atoms.append(label.offsets) }
            if let title = node.titleRange { atoms.append(title.offsets) }
            for atom in atoms {
                require(
                    atom.lowerBound >= 0 && atom.lowerBound <= atom.upperBound && atom.upperBound <= bytes.count,
                    "range \(atom) of \(node.id) outside the source (\(bytes.count) bytes)")
                for i in atom where counts[i] < 255 { counts[i] += 1 }
            }
            require(node.range.start.offset <= node.range.end.offset, "inverted range of \(node.id)")
            for child in node.children { visit(child) }
        }
        visit(parsed.document.root)
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                let space = Bytes.spaceLength(b, i)
                if space > 0 {
                    i += space
                    continue
                }
                if counts[i] != 1 { fatalError("byte \(i) (0x\(String(b[i], radix: 16))) lies in \(counts[i]) atoms") }
                i += 1
            }
        }
    }
}
