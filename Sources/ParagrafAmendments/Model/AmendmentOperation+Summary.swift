import Paragraf

extension AmendmentOperation {
    /// A one-line description: "insert after § 53: § 53 a (3 stk.)", "replace »4.374 kr.« with »6.515 kr.« in
    /// § 15, stk. 1", "renumber § 66, stk. 3-6 → stk. 4-7".
    public var summary: String {
        switch action {
        case .replaceWords(let w):
            return "replace \(quoted(w.old)) with \(quoted(w.new)) \(w.scope.phrase)\(w.occurrences.suffix)"
        case .insertWords(let w):
            let side = w.anchor?.side == .before ? "before" : "after"
            return "insert \(quoted(w.new)) \(side) \(quoted(w.anchor?.words)) \(w.scope.phrase)\(w.occurrences.suffix)"
        case .deleteWords(let w):
            return "delete \(quoted(w.old)) \(w.scope.phrase)\(w.occurrences.suffix)"
        case .insert(let i):
            switch i.position {
            case .after: return "insert after \(i.reference): \(i.content.summary)"
            case .before: return "insert before \(i.reference): \(i.content.summary)"
            case .at: return "insert as \(i.reference): \(i.content.summary)"
            }
        case .repeal(let r):
            let targets = TargetAddress.describe(r.targets)
            guard let replacement = r.replacement else { return "repeal \(targets)" }
            return "repeal \(targets) and insert in place: \(replacement.summary)"
        case .rewrite(let r):
            if r.heading { return "rewrite the heading of \(r.target): \(r.content.summary)" }
            return "rewrite \(r.target): \(r.content.summary)"
        case .renumber(let r):
            let prefix = r.container.steps.isEmpty ? "" : "\(r.container), "
            return "renumber \(prefix)\(TargetAddress.describeNumbers(r.from, r.level)) → \(TargetAddress.describeNumbers(r.to, r.level))"
        }
    }

    private func quoted(_ s: String?) -> String { "»\(NewText.excerpt(s ?? "", limit: 50))«" }
}

extension WordScope {
    /// "in § 15, stk. 1", "throughout the act".
    var phrase: String {
        if wholeAct { return "throughout the act" }
        if targets.isEmpty { return "(no place named)" }
        return "in " + TargetAddress.describe(targets)
    }
}

extension Occurrences {
    /// "", " (in 2 places)", " (everywhere)", " (the 1st place)".
    var suffix: String { self == .once ? "" : " (\(nth == -1 ? "the last place" : description))" }
}

extension TargetAddress {
    /// A list of addresses written the way an instruction would: "§ 43, stk. 3-5", "§ 3, nr. 2 og 3".
    public static func describe(_ list: [TargetAddress]) -> String {
        guard let first = list.first else { return "" }
        if list.count == 1 { return first.description }
        // Same parent and level: "§ 43, stk. 3-5".
        let parent = first.parent
        if let level = first.last?.level, list.allSatisfy({ $0.parent == parent && $0.last?.level == level && $0.becomes == nil }) {
            let numbers = describeNumbers(list.compactMap(\.last?.number), level)
            return parent.steps.isEmpty ? numbers : "\(parent), \(numbers)"
        }
        return list.map(\.description).joined(separator: " og ")
    }

    /// "stk. 3-5", "stk. 6 og 7", "nr. 2, 4 og 7", "2.-4. pkt.", "§§ 7-9".
    public static func describeNumbers(_ numbers: [String], _ level: Level) -> String {
        guard numbers.count > 1 else { return numbers.first.map { level.cite($0) } ?? "" }
        let ints = numbers.compactMap { Int($0) }
        var body: String
        if ints.count == numbers.count, ints.count > 2, zip(ints, ints.dropFirst()).allSatisfy({ $1 == $0 + 1 }) {
            body = level == .sentence ? "\(ints[0]).-\(ints[ints.count - 1])." : "\(ints[0])-\(ints[ints.count - 1])"
        } else {
            let shown = level == .sentence ? numbers.map { $0 + "." } : numbers
            body = shown.dropLast().joined(separator: ", ") + " og " + (shown.last ?? "")
        }
        switch level {
        case .section: return "§§ " + body
        case .sentence: return body + " pkt."
        default:
            let word = level.cite("").trimmingSpaces
            return word + " " + body
        }
    }
}
