import Paragraf

extension ProvisionHistory {
    /// The amounts in the text leaves of `node` ("1.420 kr.", "65 %", "18 år"), as the diff reads them.
    static func amounts(in node: Node, source: SourceText) -> [String] {
        var result: [String] = []
        node.forEach { leaf in
            guard leaf.children.isEmpty, leaf.text != nil else { return }
            result += AmountReader.amounts(in: Tokenizer.tokens(source, leaf.range.offsets)).map(\.text)
        }
        return result
    }

    /// The amounts of the provision through the versions, one line each, for reading at a glance; empty when
    /// the provision states none in any version.
    public var amountLines: [String] {
        guard entries.contains(where: { !($0.amounts ?? []).isEmpty }) else { return [] }
        let width = entries.map(\.version.count).max() ?? 0
        return entries.map { e in
            let name = e.version.padding(toLength: width, withPad: " ", startingAt: 0)
            let amounts = e.amounts.map { $0.isEmpty ? "(none)" : $0.joined(separator: ", ") } ?? "— (no counterpart)"
            let never = e.note?.hasPrefix("never applied") == true ? "  (never applied)" : ""
            return "\(name)  \(e.citation.map { "\($0): " } ?? "")\(amounts)\(never)"
        }
    }
}
