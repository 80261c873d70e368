import Paragraf

/// Word changes: replace, insert next to, delete.
extension ApplyRun {
    /// A run of text words are looked for in: the sentences of a stk. or item (one sentence when the address
    /// names a pkt.), or the heading of a chapter or §.
    struct TextGroup {
        var place: EditPlace
        /// Only this sentence (child index) of the container, for a "2. pkt." address.
        var sentence: Int?
        /// The heading (title) rather than sentences.
        var heading = false
    }

    /// One place the words occur.
    struct Occurrence {
        var group: Int
        /// The sentence's child index (nil for a heading).
        var sentence: Int?
        var range: Range<String.Index>
    }

    enum WordMode { case replace, insertAfter, insertBefore, delete }

    mutating func changeWords(_ change: WordChange, mode: WordMode) throws {
        let needle = (mode == .insertAfter || mode == .insertBefore ? change.anchor?.words : change.old) ?? ""
        guard !needle.isEmpty else { throw fail(.wordsNotFound, "the instruction quotes no words to look for") }
        var targets: [(label: String, groups: [TextGroup])] = []
        if change.scope.wholeAct {
            targets.append(("the act", wholeActGroups()))
        } else {
            guard !change.scope.targets.isEmpty else {
                throw fail(.addressNotFound, "the instruction names no provision to change »\(needle)« in", expected: needle)
            }
            for address in change.scope.targets {
                let place = try locate(address)
                targets.append((address.description, groups(at: place, address: address)))
            }
        }
        var chosen: [(groups: [TextGroup], occurrences: [Occurrence])] = []
        for (label, groups) in targets {
            mergeSpanning(needle, groups)
            let occurrences = find(needle, in: groups)
            let expected = change.occurrences
            let text = groups.compactMap { groupText($0) }.joined(separator: " ")
            if occurrences.isEmpty {
                throw fail(.wordsNotFound, "»\(needle)« does not occur in \(label)", expected: needle, found: text)
            }
            if let count = expected.count, expected.nth == nil, occurrences.count != count, !change.scope.wholeAct {
                throw fail(
                    .wordCount,
                    "»\(needle)« occurs \(occurrences.count) times in \(label); the instruction says \(count == 1 ? "once" : "\(count) times")",
                    expected: needle, found: text)
            }
            var picked = occurrences
            if let nth = expected.nth {
                guard nth == -1 || nth <= occurrences.count else {
                    throw fail(
                        .wordCount,
                        "»\(needle)« occurs \(occurrences.count) times in \(label); there is no \(Occurrences.ordinal(nth)) place",
                        expected: needle, found: text)
                }
                picked = [nth == -1 ? occurrences[occurrences.count - 1] : occurrences[nth - 1]]
            }
            chosen.append((groups, picked))
        }
        var changed: [Int] = []
        for (groups, occurrences) in chosen {
            // From the last to the first, so that earlier ranges stay valid.
            var serials: [Int] = []
            for occurrence in occurrences.reversed() {
                serials.append(try edit(groups[occurrence.group], occurrence, mode: mode, new: change.new ?? ""))
            }
            for serial in serials.reversed() where !changed.contains(serial) { changed.append(serial) }
        }
        for serial in changed where !touches.contains(where: { $0.serial == serial }) {
            touches.append(Touch(serial: serial, kind: .amended))
        }
    }

    /// Every heading and sentence container of the act ("Overalt i loven").
    func wholeActGroups() -> [TextGroup] {
        var out: [TextGroup] = []
        for entry in act.ordered {
            if entry.title != nil { out.append(TextGroup(place: .entry(entry.serial), heading: true)) }
            guard entry.kind == .section else { continue }
            out += containerGroups(entry, serial: entry.serial, path: [])
        }
        return out
    }

    /// The groups at `place`: its heading (a chapter), the one sentence (a pkt.), or its sentence containers.
    func groups(at place: EditPlace, address: TargetAddress) -> [TextGroup] {
        guard let node = node(place) else { return [] }
        switch place {
        case .entry(let serial) where node.kind == .chapter:
            return [TextGroup(place: .entry(serial), heading: true)]
        case .node(let serial, let path) where node.kind == .sentence:
            return [TextGroup(place: .node(serial, Array(path.dropLast())), sentence: path.last)]
        case .node(let serial, let path):
            return containerGroups(node, serial: serial, path: path)
        case .entry(let serial):
            return containerGroups(node, serial: serial, path: [])
        case .annex:
            return containerGroups(node, serial: -1, path: []).map { _ in TextGroup(place: place) }
        }
    }

    /// The nodes under `node` (itself included) that hold sentences, in order.
    func containerGroups(_ node: EditNode, serial: Int, path: [Int]) -> [TextGroup] {
        var out: [TextGroup] = []
        if node.children.contains(where: { $0.kind == .sentence }) {
            out.append(TextGroup(place: path.isEmpty ? .entry(serial) : .node(serial, path)))
        }
        for (i, child) in node.children.enumerated() where child.kind != .sentence {
            out += containerGroups(child, serial: serial, path: path + [i])
        }
        return out
    }

    /// The text of a group, for messages.
    func groupText(_ group: TextGroup) -> String? {
        guard let node = node(group.place) else { return nil }
        if group.heading { return node.title }
        if let s = group.sentence { return node.children[s].text }
        return node.children.filter { $0.kind == .sentence }.compactMap(\.text).joined(separator: " ")
    }

    /// Where `needle` occurs in `groups`, in order.
    func find(_ needle: String, in groups: [TextGroup]) -> [Occurrence] {
        var out: [Occurrence] = []
        for (g, group) in groups.enumerated() {
            guard let node = node(group.place) else { continue }
            if group.heading {
                for r in WordMatcher.matches(of: needle, in: node.title ?? "") { out.append(Occurrence(group: g, sentence: nil, range: r)) }
                continue
            }
            for i in node.children.indices where node.children[i].kind == .sentence && (group.sentence == nil || group.sentence == i) {
                for r in WordMatcher.matches(of: needle, in: node.children[i].text ?? "") {
                    out.append(Occurrence(group: g, sentence: i, range: r))
                }
            }
        }
        return out
    }

    /// Words that run over a sentence end ("». Dog«") are found by joining the container's sentences into one.
    mutating func mergeSpanning(_ needle: String, _ groups: [TextGroup]) {
        for group in groups where !group.heading && group.sentence == nil {
            guard let node = node(group.place) else { continue }
            let sentences = node.children.filter { $0.kind == .sentence }
            guard sentences.count > 1 else { continue }
            let joined = sentences.compactMap(\.text).joined(separator: " ")
            let whole = WordMatcher.matches(of: needle, in: joined).count
            let separate = sentences.reduce(0) { $0 + WordMatcher.matches(of: needle, in: $1.text ?? "").count }
            guard whole > separate else { continue }
            try? modify(group.place) { container in
                guard let first = container.children.firstIndex(where: { $0.kind == .sentence }) else { return }
                container.children[first].text = joined
                let kept = container.children[first].serial
                container.children.removeAll { $0.kind == .sentence && $0.serial != kept }
            }
        }
    }

    /// Changes one occurrence; returns the serial of the node changed.
    mutating func edit(_ group: TextGroup, _ occurrence: Occurrence, mode: WordMode, new: String) throws -> Int {
        var touched = 0
        try modify(group.place) { node in
            touched = node.serial
            func apply(_ text: String) -> String {
                switch mode {
                case .replace: WordMatcher.replacing(occurrence.range, in: text, with: new)
                case .delete: WordMatcher.replacing(occurrence.range, in: text, with: "")
                case .insertAfter: WordMatcher.inserting(new, in: text, at: occurrence.range, after: true)
                case .insertBefore: WordMatcher.inserting(new, in: text, at: occurrence.range, after: false)
                }
            }
            if let s = occurrence.sentence {
                node.children[s].text = apply(node.children[s].text ?? "")
            } else {
                node.title = apply(node.title ?? "")
            }
        }
        return touched
    }
}
