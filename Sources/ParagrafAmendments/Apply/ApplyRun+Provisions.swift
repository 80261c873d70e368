import Paragraf

/// Provisions inserted, repealed, rewritten and renumbered.
extension ApplyRun {
    // MARK: Insert

    mutating func insert(_ insertion: Insertion) throws {
        let content = insertion.content
        guard !content.provisions.isEmpty else {
            throw fail(.unexpectedNewText, "the quotation holds no provisions to insert: “\(NewText.excerpt(content.text))”")
        }
        switch content.form {
        case .sections, .chapters:
            let anchor = try entryAnchor(insertion)
            try insertEntries(content.provisions, after: anchor)
        default:
            try insertChildren(insertion)
        }
    }

    /// The entry new §§ or chapters go after (nil: the start of the body).
    mutating func entryAnchor(_ insertion: Insertion) throws -> Int? {
        let reference = insertion.reference
        switch insertion.position {
        case .after:
            let place = try locate(reference)
            guard case .entry(let serial) = place else {
                throw fail(.addressNotFound, "new §§ go after a § or a chapter, not after \(reference)")
            }
            return act.entries[serial]?.kind == .chapter ? act.chapterEnd(from: serial) : serial
        case .before:
            let place = try locate(reference)
            guard case .entry(let serial) = place else {
                throw fail(.addressNotFound, "new §§ go before a § or a chapter, not before \(reference)")
            }
            return act.before(serial)
        case .at:
            // "indsættes som § 5 a": after the § whose number it extends, else at the end.
            guard let number = reference.last?.number else { return nil }
            let stem = String(number.prefix { $0.isNumber })
            let predecessor = Int(stem).flatMap { n -> Int? in
                stem == number ? act.find(.section, "\(n - 1)") : act.find(.section, stem)
            }
            return predecessor ?? act.ordered.last?.serial
        }
    }

    /// New §§ (and chapter headings) into the body after `anchor`.
    mutating func insertEntries(_ provisions: [Provision], after anchor: Int?) throws {
        for provision in provisions where provision.kind == .section {
            if let number = provision.number, act.isTaken(.section, number) {
                throw fail(.numbering, "§ \(number) already exists in the act", expected: "§ \(number)")
            }
        }
        var cursor = anchor
        for provision in provisions {
            if provision.kind == .chapter || provision.kind == .part {
                var heading = make(provision)
                let sections = heading.children
                heading.children = []
                act.insert(heading, after: cursor)
                touches.append(Touch(serial: heading.serial, kind: .inserted))
                cursor = heading.serial
                for section in sections {
                    act.insert(section, after: cursor)
                    touches.append(Touch(serial: section.serial, kind: .inserted))
                    cursor = section.serial
                }
            } else {
                let entry = make(provision)
                act.insert(entry, after: cursor)
                touches.append(Touch(serial: entry.serial, kind: .inserted))
                cursor = entry.serial
            }
        }
    }

    /// New stk., nr. or pkt. inside a §.
    mutating func insertChildren(_ insertion: Insertion) throws {
        let reference = insertion.reference
        guard let level = reference.last?.level else { throw fail(.addressNotFound, "the instruction names no place for the new text") }
        let kind = level.nodeKind
        var containerPlace: EditPlace
        var index: Int
        switch insertion.position {
        case .after, .before:
            let place = try locate(reference)
            guard case .node(let serial, let path) = place, let last = path.last else {
                throw fail(.addressNotFound, "\(reference) is not a stk., nr. or pkt. that new text can go next to")
            }
            containerPlace = path.count == 1 ? .entry(serial) : .node(serial, Array(path.dropLast()))
            index = insertion.position == .after ? last + 1 : last
        case .at:
            containerPlace = try locate(reference.parent)
            if level != .subsection, let node = node(containerPlace), node.kind == .section,
                let stk = node.children.firstIndex(where: { $0.kind == .subsection }), case .entry(let serial) = containerPlace
            {
                containerPlace = .node(serial, [stk])
            }
            guard let container = node(containerPlace) else { throw fail(.addressNotFound, "\(reference.parent) was not found") }
            index = try Self.position(for: reference.last?.number ?? "", kind: kind, in: container, reference: reference)
        }
        var nodes: [EditNode] = []
        for provision in insertion.content.provisions {
            var node = make(provision)
            if node.kind == .subsection && node.number == nil {
                node.number = reference.last?.number ?? "\(index + 1)"
            }
            nodes.append(node)
        }
        if kind == .sentence { nodes = nodes.filter { $0.kind == .sentence } }
        try modify(containerPlace) { container in
            let at = min(index, container.children.count)
            container.children.insert(contentsOf: nodes, at: at)
        }
        for node in nodes { touches.append(Touch(serial: node.serial, kind: .inserted)) }
    }

    /// Where a new child numbered `number` goes: after the child numbered one less, before the first child
    /// numbered more, or after the last child of its kind (sentences: the `number`-th place).
    static func position(for number: String, kind: NodeKind, in container: EditNode, reference: TargetAddress) throws -> Int {
        let siblings = container.children.indices.filter { container.children[$0].kind == kind }
        if kind == .sentence {
            guard let n = Int(number), n >= 1, n <= siblings.count + 1 else {
                throw ApplyFailure(
                    code: .addressNotFound,
                    message: "\(reference.parent) has \(siblings.count) sentences; there is no place for a \(number). pkt.",
                    expected: reference.description, found: container.displayText)
            }
            if n <= siblings.count { return siblings[n - 1] }
            return (siblings.last.map { $0 + 1 }) ?? (container.children.firstIndex { $0.kind != .sentence } ?? container.children.count)
        }
        if let n = Int(number.prefix { $0.isNumber }) {
            if let previous = siblings.last(where: { Int(container.children[$0].number ?? "") == n - 1 }) { return previous + 1 }
            if let following = siblings.first(where: { (Int(container.children[$0].number ?? "") ?? 0) >= n }) { return following }
        }
        if let last = siblings.last { return last + 1 }
        return kind == .subsection ? container.children.count : (container.children.lastIndex { $0.kind == .sentence }.map { $0 + 1 } ?? 0)
    }

    // MARK: Repeal

    mutating func repeal(_ repeal: Repeal) throws {
        var places: [EditPlace] = []
        for target in repeal.targets { places.append(try locate(target)) }
        guard let first = places.first else { return }
        if let replacement = repeal.replacement, replacement.form == .sections || replacement.form == .chapters {
            // §§ repealed and others put in their place: the old entries go, the new ones take the first one's place.
            guard case .entry(let serial) = first else { throw fail(.addressNotFound, "§§ can only replace §§ or chapters") }
            let anchor = act.before(serial)
            for place in places { if case .entry(let s) = place { removeEntry(s) } }
            try insertEntries(replacement.provisions, after: anchor)
            return
        }
        // Nodes inside §§: remove, last first (indices of one container stay valid); remember where the first was.
        var insertAt: (EditPlace, Int)?
        for place in places.reversed() {
            switch place {
            case .entry(let serial):
                markRepealed(serial)
            case .node(let serial, let path):
                let containerPlace: EditPlace = path.count == 1 ? .entry(serial) : .node(serial, Array(path.dropLast()))
                guard let index = path.last, let removed = node(place) else { continue }
                try modify(containerPlace) { $0.children.remove(at: index) }
                touches.append(Touch(serial: removed.serial, kind: .repealed))
                insertAt = (containerPlace, index)
            case .annex(let i):
                touches.append(Touch(serial: act.back[i].serial, kind: .repealed))
                act.back.remove(at: i)
            }
        }
        if let replacement = repeal.replacement {
            guard let (containerPlace, index) = insertAt else { throw fail(.addressNotFound, "no place to insert the new text in") }
            var nodes = replacement.provisions.map { make($0) }
            for k in nodes.indices where nodes[k].kind == .subsection && nodes[k].number == nil {
                nodes[k].number = repeal.targets.first?.last?.number
            }
            try modify(containerPlace) { $0.children.insert(contentsOf: nodes, at: min(index, $0.children.count)) }
            for node in nodes { touches.append(Touch(serial: node.serial, kind: .inserted)) }
        }
    }

    /// "§ 7. (Ophævet)": a repealed § keeps its number; a repealed chapter's §§ are each repealed.
    mutating func markRepealed(_ entrySerial: Int) {
        let serial = entrySerial
        guard let entry = act.entries[serial] else { return }
        if entry.kind == .chapter {
            for section in act.sections(inChapter: serial) { markRepealed(section) }
            act.update(serial) { $0.isRepealed = true }
            touches.append(Touch(serial: serial, kind: .repealed))
            return
        }
        let stk = self.serial()
        let sentence = self.serial()
        act.update(serial) { node in
            node.isRepealed = true
            node.children = [
                EditNode(
                    serial: stk, kind: .subsection, number: "1",
                    children: [
                        EditNode(serial: sentence, kind: .sentence, number: "1", text: "(Ophævet)")
                    ])
            ]
        }
        touches.append(Touch(serial: serial, kind: .repealed))
    }

    /// Removes a § entry (replaced by others).
    mutating func removeEntry(_ serial: Int) {
        act.remove(serial)
        touches.append(Touch(serial: serial, kind: .repealed))
    }

    // MARK: Rewrite

    mutating func rewrite(_ rewrite: Rewrite) throws {
        let place = try locate(rewrite.target)
        if rewrite.heading {
            try modify(place) { $0.title = rewrite.content.text }
            if let node = node(place) { touches.append(Touch(serial: node.serial, kind: .rewritten)) }
            return
        }
        guard let old = node(place) else { return }
        if old.kind == .sentence {
            let text = rewrite.content.provisions.compactMap(\.text).joined(separator: " ")
            try modify(place) { $0.text = text.isEmpty ? rewrite.content.text : text }
            touches.append(Touch(serial: old.serial, kind: .rewritten))
            return
        }
        guard let provision = rewrite.content.provisions.first(where: { $0.kind == old.kind }) else {
            throw fail(
                .unexpectedNewText,
                "the new wording of \(rewrite.target) holds no \(old.kind == .section ? "§" : old.kind == .subsection ? "stk." : "nr.")",
                expected: rewrite.target.description, found: rewrite.content.text)
        }
        let fresh = make(provision)
        try modify(place) { node in
            node.children = fresh.children
            node.text = fresh.text
            if let title = fresh.title { node.title = title }
            node.isRepealed = fresh.isRepealed
            if let number = fresh.number, number != node.number { node.renumber(number) }
            if fresh.label != nil, !node.labelStale { node.label = fresh.label }
        }
        touches.append(Touch(serial: old.serial, kind: .rewritten))
    }

    // MARK: Renumber

    mutating func renumber(_ renumbering: Renumbering) throws {
        guard renumbering.from.count == renumbering.to.count else {
            throw fail(
                .numbering,
                "the renumbering pairs \(renumbering.from.count) numbers with \(renumbering.to.count): \(renumbering.from.joined(separator: ", ")) → \(renumbering.to.joined(separator: ", "))"
            )
        }
        let kind = renumbering.level.nodeKind
        if kind == .section || kind == .chapter {
            var found: [(Int, String)] = []
            for (from, to) in zip(renumbering.from, renumbering.to) {
                guard let serial = act.find(kind, from) else {
                    throw fail(
                        .addressNotFound,
                        "\(renumbering.level.cite(from)) does not exist in the act, so it cannot become \(renumbering.level.cite(to))")
                }
                found.append((serial, to))
            }
            for (serial, to) in found {
                act.update(serial) { $0.renumber(to) }
                touches.append(Touch(serial: serial, kind: .renumbered))
            }
            return
        }
        var place = try locate(renumbering.container)
        if kind != .subsection, let node = node(place), node.kind == .section, case .entry(let serial) = place,
            let stk = node.children.firstIndex(where: { $0.kind == .subsection })
        {
            place = .node(serial, [stk])
        }
        guard let container = node(place) else { return }
        var found: [(Int, String)] = []
        for (from, to) in zip(renumbering.from, renumbering.to) {
            guard let index = container.children.firstIndex(where: { $0.kind == kind && $0.answers(from, current: false) }) else {
                let have = container.children.filter { $0.kind == kind }.compactMap(\.original)
                throw fail(
                    .numbering,
                    "\(renumbering.container) has no \(renumbering.level.cite(from)) to renumber \(renumbering.level.cite(to)) (it has \(Self.list(have, renumbering.level)))",
                    expected: renumbering.level.cite(from), found: container.displayText)
            }
            found.append((index, to))
        }
        try modify(place) { node in
            for (index, to) in found { node.children[index].renumber(to) }
        }
        for (index, _) in found { touches.append(Touch(serial: container.children[index].serial, kind: .renumbered)) }
    }

    // MARK: Checks

    /// Siblings with the same number in the entries an instruction touched (a warning: the consolidation will
    /// show which is right).
    func duplicateNumbers(in serials: Set<Int>) -> [String] {
        var out: [String] = []
        for serial in serials.sorted() {
            guard let entry = act.entries[serial], entry.kind == .section, let number = entry.number else { continue }
            if act.count(.section, number) > 1 { out.append("§ \(number)") }
            Self.duplicates(in: entry, at: TargetAddress([.init(.section, number)]), into: &out)
        }
        return out
    }

    private static func duplicates(in node: EditNode, at address: TargetAddress, into out: inout [String]) {
        var seen: Set<String> = []
        for child in node.children where child.kind == .subsection || child.kind == .item {
            guard let n = child.number else { continue }
            let step = TargetAddress.Step(child.kind == .subsection ? .subsection : .item, n)
            if !seen.insert("\(child.kind)\(EditNode.key(n))").inserted { out.append(address.appending(step).description) }
            duplicates(in: child, at: address.appending(step), into: &out)
        }
    }
}
