import Paragraf

/// Compares the applied act with the consolidation § by §: the §§ paired by number (a number that comes again
/// after the act, an earlier amending act's in-force provision, by its occurrence), each stk. by number, the
/// chapter a § stands in, and the chapters' headings when both sources have them.
struct ProvisionComparer {
    /// A § in a body, with the chapter it stands in and whether it repeats an earlier number.
    struct Placed {
        var provision: Provision
        var chapter: String?
        var occurrence: Int
        var key: String { EditNode.key(provision.number ?? "") + (occurrence > 1 ? "~\(occurrence)" : "") }
    }

    var applied: [Provision]
    var consolidated: [Provision]
    /// The consolidation's notes (in-force provisions of amending acts, footnotes).
    var notes: [DocumentNote]
    /// Whether to compare chapter headings (both sources hold them).
    var compareHeadings: Bool
    /// Instruction numbers by § number (as in the result), for the report.
    var touchedBy: [String: [String]]

    static func placed(_ body: [Provision]) -> [Placed] {
        var chapter: String?
        var seen: [String: Int] = [:]
        var out: [Placed] = []
        for entry in body {
            switch entry.kind {
            case .chapter: chapter = entry.number
            case .section:
                let key = EditNode.key(entry.number ?? "")
                seen[key, default: 0] += 1
                out.append(Placed(provision: entry, chapter: chapter, occurrence: seen[key] ?? 1))
            default: continue
            }
        }
        return out
    }

    /// Every § of both, in the applied act's order with the consolidation's extras where they stand.
    func sections() -> [ProvisionComparison] {
        let a = Self.placed(applied)
        let b = Self.placed(consolidated)
        let byKey = Dictionary(b.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let positions = Dictionary(b.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        let appliedKeys = Set(a.map(\.key))
        var out: [ProvisionComparison] = []
        var next = 0  // the consolidation's §§ not yet reported
        for item in a {
            // The consolidation's §§ before this one that the applied act lacks.
            if let position = positions[item.key], position >= next {
                for extra in b[next..<position] where !appliedKeys.contains(extra.key) { out.append(onlyConsolidated(extra)) }
                next = position + 1
            }
            guard let other = byKey[item.key] else {
                out.append(missing(item))
                continue
            }
            out.append(compare(item, other))
        }
        for extra in b[min(next, b.count)...] where !appliedKeys.contains(extra.key) { out.append(onlyConsolidated(extra)) }
        return out
    }

    func citation(_ p: Placed) -> String {
        "§ \(p.provision.number ?? "?")" + (p.occurrence > 1 ? " (after the act)" : "")
    }

    func onlyConsolidated(_ p: Placed) -> ProvisionComparison {
        ProvisionComparison(
            citation: citation(p), status: .onlyConsolidated,
            differences: [TextDifference(citation: citation(p), old: nil, new: p.provision.displayText)])
    }

    /// A § the consolidation lacks: agreement when it is an earlier act's in-force provision kept as a note.
    func missing(_ p: Placed) -> ProvisionComparison {
        let text = TextComparison.normalized(p.provision.displayText)
        if p.occurrence > 1, notes.contains(where: { $0.kind == .inForce && TextComparison.note($0, holds: text, notes) }) {
            return ProvisionComparison(citation: citation(p), status: .agreesWithNote)
        }
        return ProvisionComparison(
            citation: citation(p), status: .onlyApplied, instructions: touchedBy[EditNode.key(p.provision.number ?? "")] ?? [],
            differences: [TextDifference(citation: citation(p), old: p.provision.displayText, new: nil)])
    }

    func compare(_ a: Placed, _ b: Placed) -> ProvisionComparison {
        var differences: [TextDifference] = []
        let name = citation(a)
        if let x = a.chapter, let y = b.chapter, EditNode.key(x) != EditNode.key(y) {
            differences.append(TextDifference(citation: "\(name): chapter", old: "kapitel \(x)", new: "kapitel \(y)"))
        }
        if a.provision.isRepealed != b.provision.isRepealed {
            differences.append(
                TextDifference(
                    citation: "\(name): repealed", old: a.provision.isRepealed ? "(Ophævet)" : "in force",
                    new: b.provision.isRepealed ? "(Ophævet)" : "in force"))
        }
        if let x = a.provision.title, let y = b.provision.title, !TextComparison.same(x, y) {
            differences.append(TextDifference(citation: "\(name): heading", old: x, new: y))
        }
        var footnotes: [String] = []
        differences += parts(a.provision, b.provision, name: "§ \(a.provision.number ?? "?")").filter { d in
            // A footnote one source prints in the text and the other keeps as a note is no difference.
            guard let old = d.old, let new = d.new, let markers = TextComparison.sameButFootnotes(old, new, notes) else { return true }
            footnotes += markers
            return false
        }
        let status: ProvisionComparison.Status = !differences.isEmpty ? .differ : footnotes.isEmpty ? .agree : .agreesWithNote
        return ProvisionComparison(
            citation: name, status: status,
            instructions: touchedBy[EditNode.key(a.provision.number ?? "")] ?? [], differences: differences)
    }

    /// The stk. of two §§ paired by number; a § without stk. compared whole.
    func parts(_ a: Provision, _ b: Provision, name: String) -> [TextDifference] {
        let x = a.children.filter { $0.kind == .subsection }
        let y = b.children.filter { $0.kind == .subsection }
        guard !x.isEmpty || !y.isEmpty else {
            return TextComparison.same(a.displayText, b.displayText)
                ? [] : [TextDifference(citation: name, old: a.displayText, new: b.displayText)]
        }
        var out: [TextDifference] = []
        var numbers: [String] = []
        for stk in x + y { if let n = stk.number, !numbers.contains(n) { numbers.append(n) } }
        for n in numbers {
            let s = x.first { $0.number == n }
            let t = y.first { $0.number == n }
            let old = s.map(Self.text)
            let new = t.map(Self.text)
            if old == nil || new == nil || !TextComparison.same(old ?? "", new ?? "") {
                out.append(TextDifference(citation: "\(name), stk. \(n)", old: old, new: new))
            }
        }
        return out
    }

    /// A stk.'s text with its items' labels.
    static func text(_ stk: Provision) -> String {
        var copy = stk
        copy.label = nil
        return copy.displayText
    }

    /// The chapters of both, by number: headings (when compared) and presence.
    func chapters() -> [ProvisionComparison] {
        let a = applied.filter { $0.kind == .chapter }
        let b = consolidated.filter { $0.kind == .chapter }
        guard !a.isEmpty || !b.isEmpty else { return [] }
        var out: [ProvisionComparison] = []
        var numbers: [String] = []
        for c in a + b { if let n = c.number, !numbers.contains(where: { EditNode.key($0) == EditNode.key(n) }) { numbers.append(n) } }
        for n in numbers {
            let x = a.first { EditNode.key($0.number ?? "") == EditNode.key(n) }
            let y = b.first { EditNode.key($0.number ?? "") == EditNode.key(n) }
            let name = "kapitel \(n)"
            switch (x, y) {
            case (nil, let y?):
                out.append(
                    ProvisionComparison(
                        citation: name, status: .onlyConsolidated,
                        differences: [TextDifference(citation: name, old: nil, new: y.title ?? "")]))
            case (let x?, nil):
                out.append(
                    ProvisionComparison(
                        citation: name, status: .onlyApplied, differences: [TextDifference(citation: name, old: x.title ?? "", new: nil)]))
            case (let x?, let y?):
                if compareHeadings, !TextComparison.same(x.title ?? "", y.title ?? "") {
                    out.append(
                        ProvisionComparison(
                            citation: name, status: .differ,
                            differences: [TextDifference(citation: "\(name) heading", old: x.title, new: y.title)]))
                } else {
                    out.append(ProvisionComparison(citation: name, status: .agree))
                }
            default: continue
            }
        }
        return out
    }
}
