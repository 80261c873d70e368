/// Finding the node an address names, with what exists instead when there is none.
extension NodeTable {
    /// The node an address names.
    public func node(at address: Address) -> Node? { node(address.id) }

    /// The node at `address`, or an error that names what exists instead.
    public func lookup(_ address: Address) -> Result<Node, LookupError> {
        if let node = node(at: address) { return .success(node) }
        func fail(_ text: String) -> Result<Node, LookupError> { .failure(LookupError(address: address, existing: text)) }
        if address.special != nil {
            return fail("dokumentet har ingen \(address)")
        }
        if let annex = address.annex {
            let annexes = root.all(.annex).compactMap(\.number)
            return fail(annexes.isEmpty ? "dokumentet har ingen bilag \(annex)" : "dokumentet har bilag \(NodeTable.span(annexes))")
        }
        guard let section = address.section else {
            let chapters = root.all(.chapter).compactMap(\.number)
            return fail(chapters.isEmpty ? "dokumentet har ingen kapitler" : "dokumentet har kapitel \(NodeTable.span(chapters))")
        }
        let sectionAddress = Address(section: section)
        guard let sectionNode = node(at: sectionAddress) else {
            let numbers = root.all(.section).compactMap(\.number)
            return fail(numbers.isEmpty ? "dokumentet har ingen §§" : "dokumentet har §§ \(NodeTable.span(numbers))")
        }
        let stkNumber = address.subsection ?? 1
        let stkAddress = Address(section: section, subsection: stkNumber)
        guard let stk = node(at: stkAddress) else {
            let numbers = sectionNode.children(.subsection).compactMap(\.number)
            return fail("§ \(section) har " + (numbers.count == 1 ? "kun stk. 1" : "stk. \(NodeTable.span(numbers))"))
        }
        let stkName = address.subsection == nil ? "§ \(section)" : "§ \(section), stk. \(stkNumber)"
        if let item = address.item {
            let itemAddress = Address(section: section, subsection: stkNumber, item: item)
            guard let itemNode = node(at: itemAddress) else {
                let numbers = stk.children(.item).compactMap(\.number)
                return fail(numbers.isEmpty ? "\(stkName) har ingen nr." : "\(stkName) har nr. \(NodeTable.span(numbers))")
            }
            if address.litra != nil {
                let letters = itemNode.children(.item).compactMap(\.number)
                return fail(
                    letters.isEmpty ? "\(itemAddress) har ingen litra" : "\(itemAddress) har litra \(letters.joined(separator: ", "))")
            }
            let count = itemNode.children(.sentence).count
            return fail("\(itemAddress) har \(count) pkt.")
        }
        let count = stk.children(.sentence).count
        return fail("\(stkName) har \(count) pkt.")
    }

    /// "1-5" for consecutive numbers, else a comma list ("1-3, 5, 7 a").
    static func span(_ numbers: [String]) -> String {
        var parts: [String] = []
        var runStart: (text: String, value: Int)?
        var previous: (text: String, value: Int)?
        func close() {
            guard let start = runStart, let end = previous else { return }
            parts.append(
                start.value == end.value
                    ? start.text : (end.value == start.value + 1 ? "\(start.text), \(end.text)" : "\(start.text)-\(end.text)"))
        }
        for number in numbers {
            guard let value = Int(number) else {
                close()
                runStart = nil
                previous = nil
                parts.append(number)
                continue
            }
            if let p = previous, p.value + 1 == value {
                previous = (number, value)
            } else {
                close()
                runStart = (number, value)
                previous = (number, value)
            }
        }
        close()
        return parts.joined(separator: ", ")
    }
}
