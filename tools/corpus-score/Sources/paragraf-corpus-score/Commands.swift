import Foundation
import Paragraf

/// `score`: the table, optionally saved per document and compared with an earlier run.
struct ScoreCommand {
    var options: Options

    func run() throws {
        var table = ScoreTable()
        var perDocument: [String] = []
        var current: (id: String, group: DocumentGroup, heldOut: Bool, layouts: Set<Int>) = ("", .other, false, [])
        let layouts = options.layouts
        let supervisor = Supervisor(
            workerArguments: options.workerArguments(failures: false, split: options.split),
            timeLimit: Double(options.int("timeout") ?? 20))
        let started = monotonicSeconds()
        var count = 0
        try supervisor.run { event in
            switch event.kind {
            case .begin:
                current = (String(event.fields[2]), DocumentGroup(rawValue: String(event.fields[3])) ?? .other, event.fields[4] == "1", [])
                count += 1
                if count % 2000 == 0 { FileHandle.standardError.write(Data("… \(count) documents\n".utf8)) }
            case .result:
                table.add(result: event.fields, group: current.group, heldOut: current.heldOut)
                current.layouts.insert(Int(event.fields[2]) ?? 0)
                perDocument.append(([current.id] + event.fields.dropFirst(2).map(String.init)).joined(separator: "\t"))
            case .crash, .hang:
                let missing = layouts.filter { !current.layouts.contains($0.rawValue) }
                table.addBroken(group: current.group, heldOut: current.heldOut, layouts: missing, hang: event.kind == .hang)
                FileHandle.standardError.write(
                    Data("\(event.kind == .hang ? "hang" : "crash"): document \(current.id) (line \(Int(event.fields[1])! + 1))\n".utf8))
                for layout in missing { perDocument.append("\(current.id)\t\(layout.rawValue)\tbroken") }
            case .failure:
                break
            }
        }
        print(table.markdown(), terminator: "")
        for layout in layouts {
            let (bytes, seconds) = table.speed(layout: layout)
            if seconds > 0 {
                print(
                    String(
                        format: "layout %@: %.1f MB parsed in %.2f s of parsing (%.0f MB/s in-process, one document at a time)",
                        layout.description, Double(bytes) / 1e6, seconds, Double(bytes) / 1e6 / seconds))
            }
        }
        print(String(format: "%d documents in %.1f s", count, monotonicSeconds() - started))
        if let path = options.one("save") {
            try (perDocument.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        if let path = options.one("compare") {
            try Comparison(old: String(contentsOfFile: path, encoding: .utf8), new: perDocument).print()
        }
    }
}

/// Documents whose exact § sequence changed between two saved runs.
struct Comparison {
    var old: [String: [Substring]] = [:]
    var new: [String]

    init(old text: String, new: [String]) {
        for line in text.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count > 2 else { continue }
            old["\(f[0])\t\(f[1])"] = f
        }
        self.new = new
    }

    func print() {
        var fixed = 0
        var broke: [String] = []
        var worse: [String] = []
        for line in new {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count > 2, let before = old["\(f[0])\t\(f[1])"] else { continue }
            // id layout truth parsed matched exact chChecked chRight stkChecked stkRight …
            let exactBefore = before.count > 5 && before[5] == "1"
            let exactNow = f.count > 5 && f[5] == "1"
            if exactNow && !exactBefore { fixed += 1 }
            if exactBefore && !exactNow { broke.append("\(f[0]) layout \(f[1])") }
            if f.count > 9, before.count > 9, let a = Int(before[7]), let b = Int(f[7]), let c = Int(before[9]), let d = Int(f[9]),
                b < a || d < c
            {
                worse.append("\(f[0]) layout \(f[1]): chapter \(a) → \(b), stk. \(c) → \(d)")
            }
        }
        Swift.print(
            "compared: \(fixed) documents now exact, \(broke.count) no longer exact, \(worse.count) with fewer right chapters or stk.")
        for line in broke.prefix(40) { Swift.print("  no longer exact: \(line)") }
        for line in worse.prefix(40) { Swift.print("  worse: \(line)") }
    }
}

/// `failures`: the wrong §§ of the tuned documents, grouped by class, with their lines.
struct FailuresCommand {
    var options: Options

    func run() throws {
        if options.one("split") == "held-out" || options.one("split") == "all" {
            fail("failures lists the tuned documents only: the held-out fifth stays unseen")
        }
        let examples = options.int("examples") ?? 12
        let classes = Set((options.values["class"] ?? []).compactMap(Int.init))
        var type: DocumentGroup?
        if let name = options.one("type") {
            guard let group = DocumentGroup(rawValue: name) else { fail("unknown --type \(name)") }
            type = group
        }
        var byClass: [Int: [[Substring]]] = [:]
        var current: (id: String, group: DocumentGroup) = ("", .other)
        var groupOf: [String: DocumentGroup] = [:]
        var idOf: [String: String] = [:]
        let supervisor = Supervisor(
            workerArguments: options.workerArguments(failures: true, split: .tuned), timeLimit: Double(options.int("timeout") ?? 20))
        try supervisor.run { event in
            switch event.kind {
            case .begin:
                current = (String(event.fields[2]), DocumentGroup(rawValue: String(event.fields[3])) ?? .other)
                groupOf[String(event.fields[1])] = current.group
                idOf[String(event.fields[1])] = current.id
            case .failure:
                // F index layout class what line text previous
                guard event.fields.count >= 8, let c = Int(event.fields[3]) else { return }
                if let type, current.group != type { return }
                if !classes.isEmpty && !classes.contains(c) { return }
                byClass[c, default: []].append(event.fields)
            case .crash, .hang:
                Swift.print("\(event.kind == .hang ? "HANG" : "CRASH"): \(current.id)")
            case .result:
                break
            }
        }
        for (c, failureClass) in FailureClass.allCases.enumerated() {
            guard let records = byClass[c] else { continue }
            let documents = Set(records.map { $0[1] })
            var perGroup: [DocumentGroup: Int] = [:]
            for r in records { perGroup[groupOf[String(r[1])] ?? .other, default: 0] += 1 }
            let split = perGroup.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
            Swift.print("\n## [\(c)] \(failureClass.rawValue): \(records.count) in \(documents.count) documents (\(split))\n")
            // One example per document first, so that one long act does not fill the list.
            var seen: Set<Substring> = []
            var shown = 0
            for r in records where shown < examples && !seen.contains(r[1]) {
                seen.insert(r[1])
                shown += 1
                let id = idOf[String(r[1])] ?? "?"
                let layout = Int(r[2]).flatMap(Layout.init)?.description ?? "?"
                Swift.print("- \(id) (\(groupOf[String(r[1])]?.rawValue ?? "?"), \(layout)) line \(r[5]): \(r[4])")
                Swift.print("    before: …\(String(r[7].suffix(110)))")
                Swift.print("    line:   \(String(r[6].prefix(150)))")
            }
        }
    }
}

/// `text ID`: a document written out as the scorer parses it.
struct TextCommand {
    var options: Options

    func run() throws {
        guard let id = options.positional.first else { fail("text needs a document id, e.g. text 2019:976") }
        let layout = options.layouts.first ?? .sectionPerLine
        let reader = try LineReader(path: options.input)
        let decoder = JSONDecoder()
        let needle = Array("\"id\": \"\(id)\"".utf8)
        let compact = Array("\"id\":\"\(id)\"".utf8)
        while let line = reader.next() {
            guard contains(line, needle) || contains(line, compact) else { continue }
            let document = try decoder.decode(DatasetDocument.self, from: Data(line))
            guard document.id == id else { continue }
            var excerpt = document
            if let range = options.one("provisions") {
                // "12-15": provisions 12 to 15 (0-based, as `failures` and the dataset number them), under the
                // title and the chapter line of the first.
                let ends = range.split(separator: "-").compactMap { Int($0) }
                guard let from = ends.first, let to = ends.last, from <= to, to < document.provisions.count else {
                    fail("--provisions wants FROM-TO within 0-\(document.provisions.count - 1)")
                }
                excerpt.provisions = Array(document.provisions[from...to])
            }
            let text = LaidOutText(document: excerpt, layout: layout)
            FileHandle.standardOutput.write(Data(text.bytes))
            return
        }
        FileHandle.standardError.write(Data("paragraf-corpus-score: no document \(id)\n".utf8))
        exit(1)
    }

    func contains(_ line: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, line.count >= needle.count else { return false }
        var i = line.startIndex
        let last = line.endIndex - needle.count
        while i <= last {
            if line[i] == first && line[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}

/// `write-texts DIR`: every document written out as the scorer parses it, one file each (`ID.txt`, ":" written
/// "-"), and all of them in one file `DIR.all.txt` — the whole-corpus speed case of issue 14 (`paragraf parse
/// DIR --format summary` beside `wc -l` and a Python line split of the same bytes; `tools/corpus-speed.sh`).
struct WriteTextsCommand {
    var options: Options

    func run() throws {
        guard let directory = options.positional.first else { fail("write-texts needs a directory") }
        let layout = options.layouts.first ?? .sectionPerLine
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let reader = try LineReader(path: options.input)
        let decoder = JSONDecoder()
        _ = FileManager.default.createFile(atPath: directory + ".all.txt", contents: nil)
        guard let all = FileHandle(forWritingAtPath: directory + ".all.txt") else { fail("cannot write \(directory).all.txt") }
        var count = 0
        var bytes = 0
        var index = -1
        let limit = options.int("limit")
        while let line = reader.next() {
            index += 1
            if let limit, index >= limit { break }
            guard !line.isEmpty, let document = try? decoder.decode(DatasetDocument.self, from: Data(line)) else { continue }
            guard options.split.includes(document) || options.one("split") == nil else { continue }
            let text = Data(LaidOutText(document: document, layout: layout).bytes)
            let name = document.id.replacingOccurrences(of: ":", with: "-").replacingOccurrences(of: "/", with: "-")
            guard FileManager.default.createFile(atPath: "\(directory)/\(name).txt", contents: text) else {
                fail("cannot write \(directory)/\(name).txt")
            }
            all.write(text)
            count += 1
            bytes += text.count
        }
        try all.close()
        print("\(count) documents, \(bytes) bytes in \(directory)/ and \(directory).all.txt")
    }
}
