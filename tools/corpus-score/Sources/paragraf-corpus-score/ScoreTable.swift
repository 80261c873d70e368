import Foundation

/// Sums of the per-document scores for one row of the table (type × layout × split).
struct ScoreTotals {
    var documents = 0
    var exact = 0
    var truth = 0
    var parsed = 0
    var matched = 0
    var chapterChecked = 0
    var chapterRight = 0
    var stkChecked = 0
    var stkRight = 0
    /// Documents not exactly right, and of those the ones whose parse reported no warning.
    var wrong = 0
    var wrongSilent = 0
    var crashes = 0
    var hangs = 0
    var bytes = 0
    var seconds = 0.0

    mutating func add(_ f: [Substring]) {
        // R index layout truth parsed matched exact chChecked chRight stkChecked stkRight warnings bytes seconds
        let n = f.dropFirst(3).prefix(10).map { Int($0) ?? 0 }
        guard n.count == 10 else { return }
        documents += 1
        truth += n[0]
        parsed += n[1]
        matched += n[2]
        exact += n[3]
        chapterChecked += n[4]
        chapterRight += n[5]
        stkChecked += n[6]
        stkRight += n[7]
        if n[3] == 0 {
            wrong += 1
            if n[8] == 0 { wrongSilent += 1 }
        }
        bytes += n[9]
        seconds += f.count > 13 ? Double(f[13]) ?? 0 : 0
    }

    mutating func add(_ other: ScoreTotals) {
        documents += other.documents
        exact += other.exact
        truth += other.truth
        parsed += other.parsed
        matched += other.matched
        chapterChecked += other.chapterChecked
        chapterRight += other.chapterRight
        stkChecked += other.stkChecked
        stkRight += other.stkRight
        wrong += other.wrong
        wrongSilent += other.wrongSilent
        crashes += other.crashes
        hangs += other.hangs
        bytes += other.bytes
        seconds += other.seconds
    }
}

/// The table of issue 14: per document type, layout and split.
struct ScoreTable {
    struct RowKey: Hashable {
        var group: DocumentGroup
        var layout: Layout
        var heldOut: Bool
    }

    var rows: [RowKey: ScoreTotals] = [:]

    mutating func add(result f: [Substring], group: DocumentGroup, heldOut: Bool) {
        guard let layout = Int(f[2]).flatMap(Layout.init) else { return }
        rows[RowKey(group: group, layout: layout, heldOut: heldOut), default: ScoreTotals()].add(f)
    }

    mutating func addBroken(group: DocumentGroup, heldOut: Bool, layouts: [Layout], hang: Bool) {
        for layout in layouts {
            var row = rows[RowKey(group: group, layout: layout, heldOut: heldOut), default: ScoreTotals()]
            row.documents += 1
            row.wrong += 1
            if hang { row.hangs += 1 } else { row.crashes += 1 }
            rows[RowKey(group: group, layout: layout, heldOut: heldOut)] = row
        }
    }

    static func percent(_ part: Int, _ whole: Int, digits: Int) -> String {
        guard whole > 0 else { return "–" }
        return String(format: "%.\(digits)f %%", 100 * Double(part) / Double(whole))
    }

    /// The Markdown table: one row per type (and all types), layout and split present in the run.
    func markdown() -> String {
        var lines = [
            "| type | layout | split | documents | exact § sequence | § recall | § precision | chapter membership | stk. count (proxy) | crashes / hangs | wrong, no warning |",
            "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        let groups: [DocumentGroup?] = DocumentGroup.allCases.map { $0 } + [nil]
        for group in groups {
            for layout in Layout.allCases {
                for heldOut in [false, true] {
                    var t = ScoreTotals()
                    var any = false
                    for (key, value) in rows where key.layout == layout && key.heldOut == heldOut && (group == nil || key.group == group) {
                        t.add(value)
                        any = true
                    }
                    guard any else { continue }
                    let name = group?.rawValue ?? "**all**"
                    let cells = [
                        name, layout.description, heldOut ? "held-out" : "tuned", String(t.documents),
                        Self.percent(t.exact, t.documents, digits: 2) + " (\(t.documents - t.exact) wrong)",
                        Self.percent(t.matched, t.truth, digits: 3) + " (\(t.truth - t.matched) missed)",
                        Self.percent(t.matched, t.parsed, digits: 3) + " (\(t.parsed - t.matched) extra)",
                        Self.percent(t.chapterRight, t.chapterChecked, digits: 3),
                        Self.percent(t.stkRight, t.stkChecked, digits: 3),
                        "\(t.crashes) / \(t.hangs)", "\(t.wrongSilent) of \(t.wrong)",
                    ]
                    lines.append("| " + cells.joined(separator: " | ") + " |")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parse time and bytes over all rows of one layout.
    func speed(layout: Layout) -> (bytes: Int, seconds: Double) {
        rows.filter { $0.key.layout == layout }.values.reduce((0, 0.0)) { ($0.0 + $1.bytes, $0.1 + $1.seconds) }
    }
}
