import Foundation
import Paragraf
import ParagrafDiff

/// Names what lies behind each change the diff engine finds between a base version and a later one: the
/// instruction of an amending act that made it, the new version's own metadata, a part one source does not
/// hold, text one source keeps as a note, the same text read differently — or nothing, with both texts.
///
/// ```swift
/// let diff = VersionDiff.compare(base, consolidated)
/// let applied = AmendmentApplier.apply(amendment, to: base)
/// for change in ChangeExplainer.explain(diff, applied: applied, base: base.document, new: consolidated.document) {
///     print(change.arrow, change.explanation, change.instructions)   // — → § 53 a instruction ["1"]
/// }
/// ```
public enum ChangeExplainer {
    /// Every change of `diff` (alignment rows that are not unchanged, and metadata), explained.
    /// - Complexity: linear in the diff and the two trees.
    public static func explain(_ diff: DocumentDiff, applied: AppliedAct, base: Document, new: Document) -> [ExplainedChange] {
        let context = Context(applied: applied, base: base, new: new)
        var out: [ExplainedChange] = []
        let levels: [(String, [AlignmentRow])] = [
            ("preamble", diff.alignment.preamble), ("chapter", diff.alignment.chapters), ("section", diff.alignment.sections),
            ("subsection", diff.alignment.subsections), ("item", diff.alignment.items), ("annex", diff.alignment.annexes),
        ]
        var sections: [(ids: [String], change: ExplainedChange)] = []
        var chapters: [(index: Int, row: AlignmentRow)] = []
        for (level, rows) in levels {
            for row in rows where row.status != .unchanged {
                let change = context.explain(row, level: level)
                if level == "section" { sections.append((row.new.map { "\($0.id)" } + row.old.map { "\($0.id)" }, change)) }
                if level == "chapter", change.explanation != .instruction { chapters.append((out.count, row)) }
                out.append(change)
            }
        }
        // A chapter that changed only through its §§ (its heading the same, or not in both sources): what
        // explains their changes explains it.
        for (index, row) in chapters {
            if let inside = context.insideExplanation(row, sections: sections) {
                out[index].explanation = inside.0
                out[index].detail = inside.1
            }
        }
        for change in diff.metadata { out.append(context.explain(change)) }
        return out
    }

    /// What the explainer knows: the instructions' footprints and both trees by id.
    struct Context {
        /// Base ids → the instructions that changed them; likewise for the result's ids.
        var old: [String: [String]] = [:]
        var new: [String: [String]] = [:]
        /// Ids of provisions that hold a changed one (a § of a changed stk., a chapter of a changed §).
        var oldInside: [String: [String]] = [:]
        var newInside: [String: [String]] = [:]
        var base: Tree
        var result: Tree
        var baseDocument: Document
        var newDocument: Document

        init(applied: AppliedAct, base: Document, new: Document) {
            self.base = Tree(base)
            self.result = Tree(new)
            baseDocument = base
            newDocument = new
            for outcome in applied.outcomes {
                let label = outcome.instruction.number.isEmpty ? "§ \(applied.amendment.section)" : outcome.instruction.number
                for change in outcome.changes {
                    if let a = change.before { record(a, label, in: &old, inside: &oldInside, tree: self.base) }
                    if let a = change.after { record(a, label, in: &self.new, inside: &newInside, tree: result) }
                }
            }
        }

        /// Notes an address and its ancestors (and for a §, its chapter).
        private func record(
            _ address: TargetAddress, _ label: String, in table: inout [String: [String]], inside: inout [String: [String]], tree: Tree
        ) {
            guard let id = address.address.map({ "\($0.id)" }) else { return }
            if !(table[id]?.contains(label) ?? false) { table[id, default: []].append(label) }
            var parent = address.parent
            while !parent.steps.isEmpty {
                if let pid = parent.address.map({ "\($0.id)" }), !(inside[pid]?.contains(label) ?? false) {
                    inside[pid, default: []].append(label)
                }
                parent = parent.parent
            }
            let sectionID = TargetAddress(Array(address.steps.prefix { $0.level <= .section })).address.map { "\($0.id)" }
            if let sectionID, let chapter = tree.chapterOf[sectionID], !(inside[chapter]?.contains(label) ?? false) {
                inside[chapter, default: []].append(label)
            }
        }

        /// The explanation of a chapter row by the changes of the §§ in it, when all of those are explained and
        /// its heading did not change where both sources have one.
        func insideExplanation(
            _ row: AlignmentRow, sections: [(ids: [String], change: ExplainedChange)]
        ) -> (ExplainedChange.Explanation, String)? {
            let old = Set(row.old.map { "\($0.id)" })
            let new = Set(row.new.map { "\($0.id)" })
            if !baseDocument.lacks(.chapterTitles), !newDocument.lacks(.chapterTitles) {
                let a = old.compactMap { base.nodes[$0]?.title }
                let b = new.compactMap { result.nodes[$0]?.title }
                guard a == b else { return nil }
            }
            let inside = sections.filter { entry in
                entry.ids.contains { new.contains(result.chapterOf[$0] ?? "") || old.contains(base.chapterOf[$0] ?? "") }
            }.map(\.change)
            guard let first = inside.first, inside.allSatisfy({ $0.explanation != .unexplained }) else { return nil }
            let list = inside.map { "\($0.arrow) (\(ChangeExplanationFormatter.name($0.explanation)))" }.joined(separator: "; ")
            return (first.explanation, "its §§ changed: \(list)")
        }

        func explain(_ row: AlignmentRow, level: String) -> ExplainedChange {
            let oldIDs = row.old.map { "\($0.id)" }
            let newIDs = row.new.map { "\($0.id)" }
            let make = { (explanation: ExplainedChange.Explanation, instructions: [String], detail: String?) in
                ExplainedChange(
                    level: level, status: row.status.rawValue, old: row.old.map(\.citation).joined(separator: " + ").nilIfEmpty,
                    new: row.new.map(\.citation).joined(separator: " + ").nilIfEmpty, explanation: explanation,
                    instructions: instructions, detail: detail)
            }
            var instructions = Self.union(oldIDs.compactMap { old[$0] } + newIDs.compactMap { new[$0] })
            if instructions.isEmpty, row.status != .added, row.status != .removed {
                instructions = Self.union(oldIDs.compactMap { oldInside[$0] } + newIDs.compactMap { newInside[$0] })
            }
            if !instructions.isEmpty { return make(.instruction, instructions, nil) }
            if let (explanation, detail) = otherExplanation(level: level, oldIDs: oldIDs, newIDs: newIDs) {
                return make(explanation, [], detail)
            }
            let oldText = oldIDs.compactMap { base.nodes[$0]?.displayText }.joined(separator: " ")
            let newText = newIDs.compactMap { result.nodes[$0]?.displayText }.joined(separator: " ")
            return make(.unexplained, [], Self.bothTexts(oldText, newText))
        }

        /// A part one source does not hold, text kept as a note, or the same text read differently.
        func otherExplanation(level: String, oldIDs: [String], newIDs: [String]) -> (ExplainedChange.Explanation, String)? {
            switch level {
            case "chapter":
                if baseDocument.lacks(.chapterTitles) || newDocument.lacks(.chapterTitles) {
                    return (.partialSource, "chapter headings: \(Self.lacking(baseDocument, newDocument, .chapterTitles))")
                }
            case "preamble":
                if baseDocument.lacks(.preamble) || newDocument.lacks(.preamble) {
                    return (.partialSource, "preamble: \(Self.lacking(baseDocument, newDocument, .preamble))")
                }
            case "annex":
                if baseDocument.lacks(.annexes) || newDocument.lacks(.annexes) {
                    return (.partialSource, "annexes: \(Self.lacking(baseDocument, newDocument, .annexes))")
                }
            default:
                break
            }
            let oldText = oldIDs.compactMap { base.nodes[$0]?.displayText }.joined(separator: " ")
            let newText = newIDs.compactMap { result.nodes[$0]?.displayText }.joined(separator: " ")
            if !oldIDs.isEmpty, !newIDs.isEmpty, TextComparison.same(oldText, newText) {
                return (.sameText, "the same text in both; the sources encode or lay it out differently")
            }
            // An item or stk. only one source splits out: its parent's text is the same in both.
            if oldIDs.isEmpty || newIDs.isEmpty, let id = (oldIDs + newIDs).first {
                let tree = oldIDs.isEmpty ? result : base
                if let parent = tree.parent[id], let a = base.nodes[parent], let b = result.nodes[parent],
                    TextComparison.same(a.displayText, b.displayText)
                {
                    return (
                        .sameText,
                        "\(tree.nodes[id]?.citation ?? id) is read as a separate provision in one source only; the text of \(b.citation) is the same in both"
                    )
                }
            }
            if let note = noteExplanation(oldText: oldText, newText: newText, removed: newIDs.isEmpty, added: oldIDs.isEmpty) {
                return (.notes, note)
            }
            return nil
        }

        /// Text one source prints in the provisions and the other keeps as a note.
        func noteExplanation(oldText: String, newText: String, removed: Bool, added: Bool) -> String? {
            let notes = (newDocument.metadata.notes ?? []) + (baseDocument.metadata.notes ?? [])
            if removed, !oldText.isEmpty, notes.contains(where: { $0.kind == .inForce && TextComparison.note($0, holds: oldText, notes) }) {
                return "an amending act's in-force provision: a § after the act in the base's source, a note in the new version's"
            }
            if added, !newText.isEmpty, notes.contains(where: { $0.kind == .inForce && TextComparison.note($0, holds: newText, notes) }) {
                return "an amending act's in-force provision: a § after the act in the new version's source, a note in the base's"
            }
            if !oldText.isEmpty, !newText.isEmpty, let markers = TextComparison.sameButFootnotes(oldText, newText, notes) {
                return "footnote \(markers.joined(separator: ", ")) is in one source's text and a note in the other's"
            }
            return nil
        }

        /// Metadata: the new version's own, or a part a source does not hold.
        func explain(_ change: MetadataChange) -> ExplainedChange {
            let part: DocumentPart? =
                switch change.field {
                case "ministry", "signers": .signature
                case "title", "documentType": .title
                case "legalBasis", "legalBasisAct": .preamble
                default: nil
                }
            let detail = "\(change.old ?? "—") → \(change.new ?? "—")"
            if let part, baseDocument.lacks(part) || newDocument.lacks(part) {
                return ExplainedChange(
                    level: "metadata", status: "changed", old: change.field, new: nil, explanation: .partialSource,
                    detail: "\(detail) (\(part.displayName): \(Self.lacking(baseDocument, newDocument, part)))")
            }
            return ExplainedChange(
                level: "metadata", status: "changed", old: change.field, new: nil, explanation: .consolidation, detail: detail)
        }

        static func lacking(_ base: Document, _ new: Document, _ part: DocumentPart) -> String {
            switch (base.lacks(part), new.lacks(part)) {
            case (true, true): "neither source holds them"
            case (true, false): "the base's source does not hold them"
            default: "the new version's source does not hold them"
            }
        }

        static func union(_ lists: [[String]]) -> [String] {
            var out: [String] = []
            for list in lists { for x in list where !out.contains(x) { out.append(x) } }
            return out
        }

        static func bothTexts(_ old: String, _ new: String) -> String {
            "base: “\(NewText.excerpt(old, limit: 300))”; new: “\(NewText.excerpt(new, limit: 300))”; \(TextComparison.excerpt(old, new))"
        }
    }

    /// A document's nodes by id, with parents and the chapter of each §.
    struct Tree {
        var nodes: [String: Provision] = [:]
        var parent: [String: String] = [:]
        var chapterOf: [String: String] = [:]

        init(_ document: Document) {
            walk(document.root, parent: nil, chapter: nil)
        }

        private mutating func walk(_ node: Node, parent: String?, chapter: String?) {
            let id = "\(node.id)"
            var chapter = chapter
            if node.kind == .chapter { chapter = id }
            if node.kind == .section, let chapter { chapterOf[id] = chapter }
            if [.section, .subsection, .item, .chapter, .annex, .preamble].contains(node.kind) {
                nodes[id] = Provision(node)
                if let parent { self.parent[id] = parent }
            }
            for child in node.children { walk(child, parent: node.kind == .document ? nil : id, chapter: chapter) }
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }

    /// The string with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = range(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(r, with: replacement)
        return copy
    }
}
