import Paragraf

/// The state of applying one amendment: the act, the changes of the current operation, warnings.
struct ApplyRun {
    var act: EditableAct
    var touches: [Touch] = []
    /// Notes about the current operation that do not stop it (A023 duplicates, A024 "som bliver").
    var warnings: [(AmendmentDiagnosticCode, String)] = []
    /// The body entries changed since the set was last emptied (for the duplicate check of an instruction).
    var touchedEntries: Set<Int> = []
    /// "§§ 1-52, 54-73" for messages, and the act's generation it was made at (instructions that name §§ that
    /// do not exist, by the thousand, must not list the §§ each time).
    private var sectionList: (generation: Int, text: String)?

    init(_ document: Document) {
        act = EditableAct(document)
    }

    func fail(_ code: AmendmentDiagnosticCode, _ message: String, expected: String? = nil, found: String? = nil) -> ApplyFailure {
        ApplyFailure(code: code, message: message, expected: expected, found: found)
    }

    // MARK: Locating

    /// The place an address names, or a failure naming what the act has instead.
    mutating func locate(_ address: TargetAddress) throws -> EditPlace {
        guard let first = address.steps.first else {
            throw fail(.addressNotFound, "the instruction names no provision")
        }
        var steps = address.steps[...]
        switch first.level {
        case .chapter:
            guard let serial = act.find(.chapter, first.number) else {
                let have = act.ordered.filter { $0.kind == .chapter }.compactMap(\.number)
                throw fail(
                    .addressNotFound, "kapitel \(first.number) does not exist in the act (it has \(Self.list(have, .chapter)))",
                    expected: address.description, found: Self.list(have, .chapter))
            }
            steps = steps.dropFirst()
            guard !steps.isEmpty else { return .entry(serial) }
        case .annex:
            guard let index = act.back.firstIndex(where: { $0.kind == .annex && $0.answers(first.number, current: false) })
            else {
                let have = act.back.filter { $0.kind == .annex }.compactMap(\.number)
                throw fail(
                    .addressNotFound, "bilag \(first.number) does not exist in the act (it has \(Self.list(have, .annex)))",
                    expected: address.description, found: Self.list(have, .annex))
            }
            return .annex(index)
        case .section:
            break
        default:
            throw fail(.addressNotFound, "“\(address)” names no § of the act", expected: address.description)
        }
        guard let sectionStep = steps.first, sectionStep.level == .section else {
            throw fail(.addressNotFound, "“\(address)” names no § of the act", expected: address.description)
        }
        guard let serial = act.find(.section, sectionStep.number), let section = act.entries[serial] else {
            if sectionList?.generation != act.generation {
                sectionList = (act.generation, Self.list(act.sectionNumbers, .section))
            }
            let have = sectionList?.text ?? ""
            throw fail(
                .addressNotFound, "§ \(sectionStep.number) does not exist in the act (it has \(have))",
                expected: address.description, found: have)
        }
        var path: [Int] = []
        var node = section
        var here = TargetAddress([TargetAddress.Step(.section, sectionStep.number)])
        checkBecomes(sectionStep, node, at: here)
        for step in steps.dropFirst() {
            if step.level != .subsection, node.kind == .section, let stk = node.children.firstIndex(where: { $0.kind == .subsection }) {
                // "§ 3, nr. 2", "§ 15, 2. pkt.": the first stk.
                path.append(stk)
                node = node.children[stk]
            }
            let index: Int?
            switch step.level {
            case .subsection: index = node.childIndex(.subsection, step.number)
            case .item, .litra: index = node.childIndex(.item, step.number)
            case .sentence: index = Self.sentenceIndex(in: node, step.number)
            default: index = nil
            }
            guard let index else {
                let kind = step.level.nodeKind
                let have = node.children.filter { $0.kind == kind }
                let numbers = kind == .sentence ? have.indices.map { "\($0 + 1)" } : have.compactMap(\.number)
                throw fail(
                    .addressNotFound, "\(here) has no \(step.level.cite(step.number)) (it has \(Self.list(numbers, step.level)))",
                    expected: address.description, found: node.displayText)
            }
            path.append(index)
            node = node.children[index]
            here = here.appending(TargetAddress.Step(step.level, step.number))
            checkBecomes(step, node, at: here)
        }
        return path.isEmpty ? .entry(serial) : .node(serial, path)
    }

    /// A warning when "som bliver stk. 5" does not hold after the earlier instructions.
    mutating func checkBecomes(_ step: TargetAddress.Step, _ node: EditNode, at address: TargetAddress) {
        guard let becomes = step.becomes, let number = node.number, node.kind != .sentence,
            EditNode.key(number) != EditNode.key(becomes)
        else { return }
        warnings.append(
            (
                .becomesMismatch,
                "\(address) is \(step.level.cite(number)) after the earlier instructions, not \(step.level.cite(becomes)) as the instruction says"
            ))
    }

    /// The sentence numbered `number` in the base, else the `number`-th sentence now.
    static func sentenceIndex(in node: EditNode, _ number: String) -> Int? {
        let sentences = node.sentenceIndices
        if let i = sentences.first(where: { node.children[$0].original == number }) { return i }
        guard let n = Int(number), n >= 1, n <= sentences.count else { return nil }
        return sentences[n - 1]
    }

    /// "§§ 1-52, 54-73", "stk. 1-6", "no stk." for messages.
    static func list(_ numbers: [String], _ level: TargetAddress.Level) -> String {
        guard !numbers.isEmpty else { return "no \(level.cite("").trimmingSpaces)" }
        var runs: [String] = []
        var k = 0
        while k < numbers.count {
            var j = k
            while j + 1 < numbers.count, let a = Int(numbers[j]), let b = Int(numbers[j + 1]), b == a + 1 { j += 1 }
            runs.append(j > k ? "\(numbers[k])-\(numbers[j])" : numbers[k])
            k = j + 1
        }
        let shown =
            runs.count > 12
            ? runs.prefix(6).joined(separator: ", ") + ", …, " + runs.suffix(3).joined(separator: ", ") : runs.joined(separator: ", ")
        switch level {
        case .section: return (numbers.count > 1 ? "§§ " : "§ ") + shown
        case .sentence: return "\(numbers.count) \(numbers.count == 1 ? "sentence" : "sentences")"
        default: return level.cite("").trimmingSpaces + " " + shown
        }
    }

    // MARK: Nodes

    /// The node at `place`.
    func node(_ place: EditPlace) -> EditNode? {
        switch place {
        case .entry(let s): return act.entries[s]
        case .node(let s, let path): return act.entries[s]?.descendant(path[...])
        case .annex(let i): return act.back[i]
        }
    }

    /// Changes the node at `place`.
    mutating func modify(_ place: EditPlace, _ body: (inout EditNode) throws -> Void) throws {
        switch place {
        case .entry(let s):
            touchedEntries.insert(s)
            try act.update(s, body)
        case .node(let s, let path):
            touchedEntries.insert(s)
            try act.update(s) { try $0.modify(path[...], body) }
        case .annex(let i): try body(&act.back[i])
        }
    }

    /// A fresh serial.
    mutating func serial() -> Int {
        defer { act.nextSerial += 1 }
        return act.nextSerial
    }

    /// A new node from a provision, with fresh serials.
    mutating func make(_ provision: Provision) -> EditNode { EditNode(provision, next: &act.nextSerial) }

    // MARK: Addresses

    /// The address of every provision now, by serial.
    func addresses() -> [Int: TargetAddress] {
        var out: [Int: TargetAddress] = [:]
        var chapter: TargetAddress?
        for entry in act.ordered {
            switch entry.kind {
            case .chapter:
                let a = TargetAddress([.init(.chapter, entry.number ?? "")])
                out[entry.serial] = a
                chapter = a
            case .section:
                let a = TargetAddress([.init(.section, entry.number ?? "")])
                out[entry.serial] = a
                Self.walk(entry, a, into: &out)
            default:
                _ = chapter
            }
        }
        for annex in act.back where annex.kind == .annex {
            out[annex.serial] = TargetAddress([.init(.annex, annex.number ?? "")])
        }
        return out
    }

    private static func walk(_ node: EditNode, _ address: TargetAddress, into out: inout [Int: TargetAddress]) {
        var sentences = 0
        for child in node.children {
            let step: TargetAddress.Step
            switch child.kind {
            case .subsection: step = .init(.subsection, child.number ?? "1")
            case .item: step = .init(node.kind == .item ? .litra : .item, child.number ?? "")
            case .sentence:
                sentences += 1
                step = .init(.sentence, "\(sentences)")
            default: continue
            }
            let a = address.appending(step)
            out[child.serial] = a
            walk(child, a, into: &out)
        }
    }
}

extension EditNode {
    /// The descendant at `path` (child indices).
    func descendant(_ path: ArraySlice<Int>) -> EditNode? {
        guard let first = path.first else { return self }
        guard first < children.count else { return nil }
        return children[first].descendant(path.dropFirst())
    }

    /// Changes the descendant at `path`.
    mutating func modify(_ path: ArraySlice<Int>, _ body: (inout EditNode) throws -> Void) throws {
        guard let first = path.first else { return try body(&self) }
        guard first < children.count else { return }
        try children[first].modify(path.dropFirst(), body)
    }
}
