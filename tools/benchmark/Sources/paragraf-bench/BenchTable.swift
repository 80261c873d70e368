import Foundation

/// Turns the TSV rows of `paragraf-bench measure` into the Markdown table of tools/README.md.
///
/// Every time is also given as a ratio to the byte scans of the same file in the same run:
/// "×wc" = how many times longer than `wc -l` reading the same bytes, "×loop" = than a scalar Swift
/// loop over `[UInt8]`. Growth is the time ratio to the row above when the input grew about ×10.
/// "diff" is `VersionDiff.compare` given both versions' citation graphs (the pipeline parse → cite →
/// diff); "diff incl. graphs" is the two-argument `compare`, which builds both graphs itself.
enum BenchTable {
    struct Row {
        var name: String
        var bytes: Int
        var wcMBps: Double
        var scalarMBps: Double
        var parse: Double
        var cite: Double
        var citations: Int
        var diff: Double
        var pairParse: Double
        var xml: Double
        var peakKB: Double
        var baseKB: Double
        var fullKB: Double
        /// The diff given both citation graphs (column 14; NaN in rows of older runs).
        var diffGraphs: Double
        /// The old version's size for the diff and the full peak (column 15; 0 when none).
        var oldBytes: Int
        /// The peak of parsing the file and resolving its citations (column 16; NaN when none).
        var citeKB: Double

        init?(_ line: String) {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 13, let bytes = Int(f[1]) else { return nil }
            func d(_ i: Int) -> Double { Double(f[i]) ?? .nan }
            name = f[0]
            self.bytes = bytes
            wcMBps = d(2)
            scalarMBps = d(3)
            parse = d(4)
            cite = d(5)
            citations = Int(f[6]) ?? 0
            diff = d(7)
            pairParse = d(8)
            xml = d(9)
            peakKB = d(10)
            baseKB = d(11)
            fullKB = d(12)
            diffGraphs = f.count > 13 ? d(13) : .nan
            oldBytes = f.count > 14 ? Int(f[14]) ?? 0 : 0
            citeKB = f.count > 15 ? d(15) : .nan
        }

        var mb: Double { Double(bytes) / 1e6 }
        var wcSeconds: Double { mb / wcMBps }
        var scalarSeconds: Double { mb / scalarMBps }
    }

    static func printTable(_ lines: [String]) {
        let rows = lines.compactMap(Row.init)
        print(
            "| input | MB | wc -l MB/s | loop MB/s | parse MB/s | parse ×wc | parse ×loop | cite ÷ parse | diff ms | diff ÷ parse | diff incl. graphs ÷ parse | peak MB | (peak−base) ÷ input | (parse+cite peak−base) ÷ input | full peak ÷ inputs | (full−base) ÷ inputs | growth parse / cite / diff |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
        var previous: Row?
        for row in rows {
            var growth = "–"
            if let p = previous, row.name.hasPrefix("synthetic"), p.name.hasPrefix("synthetic"),
                row.bytes > 5 * p.bytes
            {
                growth = "\(f(row.parse / p.parse, 1)) / \(f(row.cite / p.cite, 1)) / \(f(row.diffGraphs / p.diffGraphs, 1))"
            }
            let cells = [
                row.name, f(row.mb, 2), f(row.wcMBps, 0), f(row.scalarMBps, 0), f(row.mb / row.parse, 0),
                f(row.parse / row.wcSeconds, 0), f(row.parse / row.scalarSeconds, 0), f(row.cite / row.parse, 2),
                f(row.diffGraphs * 1000, 1), f(row.diffGraphs / row.pairParse, 2), f(row.diff / row.pairParse, 2),
                f(row.peakKB / 1024, 1), f((row.peakKB - row.baseKB) * 1024 / Double(row.bytes), 1),
                f((row.citeKB - row.baseKB) * 1024 / Double(row.bytes), 1),
                f(row.fullKB * 1024 / Double(row.bytes + row.oldBytes), 1),
                f((row.fullKB - row.baseKB) * 1024 / Double(row.bytes + row.oldBytes), 1), growth,
            ]
            print("| " + cells.joined(separator: " | ") + " |")
            if row.name.hasPrefix("synthetic") { previous = row }
        }
        let xmlRows = rows.filter { !$0.xml.isNaN }
        if !xmlRows.isEmpty {
            print("\nLexDania XML import (the XML file, not the flattened text):")
            for row in xmlRows {
                print("- \(row.name): import \(f(row.xml * 1000, 2)) ms")
            }
        }
    }

    static func f(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "–" }
        return String(format: "%.\(digits)f", value)
    }
}
