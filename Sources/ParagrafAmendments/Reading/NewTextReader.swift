import Paragraf

/// Reads the text of a quotation as provisions of the amended act: §§ (and chapters), stk., nr. or sentences.
///
/// §§ and chapters go through ``RegulationParser`` as they are; stk. are parsed inside a stand-in "§ 1." (so that
/// "Stk. 3. …" is a stk., not unplaced text); items are split at their labels ("4)", "b)") here, because the
/// parser starts a list only at "1)"; sentences are split by the parser inside a stand-in "§ 1.".
enum NewTextReader {
    /// The new text and what did not fit the instruction (messages for `A008`).
    static func read(_ text: String, level: TargetAddress.Level, range: SourceRange) -> (NewText, [String]) {
        let found = form(of: text)
        var problems: [String] = []
        var form = found
        switch level {
        case .chapter:
            if found != .chapters && found != .sections { problems.append(mismatch(text, expected: "a chapter")) }
        case .section:
            if found != .sections && found != .chapters { problems.append(mismatch(text, expected: "a §")) }
        case .subsection:
            if found == .sentences || found == .items {
                form = .subsections
            }  // a first stk. has no label
            else if found != .subsections {
                problems.append(mismatch(text, expected: "a stk."))
            }
        case .item, .litra:
            if found != .items { problems.append(mismatch(text, expected: "a nr. or litra")) }
        case .sentence:
            form = .sentences
            if found == .sections || found == .subsections { problems.append(mismatch(text, expected: "sentences")) }
        case .annex:
            form = .sentences
        }
        return (NewText(text: text, range: range, form: form, provisions: provisions(text, form: form)), problems)
    }

    static func mismatch(_ text: String, expected: String) -> String {
        "the quotation “\(NewText.excerpt(text, limit: 40))” does not begin with \(expected); read as it begins"
    }

    /// What the text begins with.
    static func form(of text: String) -> NewText.Form {
        let t = text.drop { $0 == " " || $0 == "»" }
        if t.hasPrefix("§") { return .sections }
        if t.hasPrefix("Kapitel ") || t.hasPrefix("KAPITEL ") { return .chapters }
        if t.hasPrefix("Stk.") || t.hasPrefix("Stk ") { return .subsections }
        if itemLabel(Array(t.utf8), 0) != nil { return .items }
        return .sentences
    }

    /// `text` with a line break before each item label that opens a list (after ":") or continues one
    /// ("2)" after "1)"), outside nested quotations: a quotation from XML (or pasted on one line) has its
    /// items inline, and the text parser reads items only at the start of a line.
    static func relayout(_ text: String) -> String {
        let b = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 16)
        var depth = 0
        var lastNumber: Int?
        var lastLetter: UInt8?
        var previous: UInt8 = 0  // the last non-space byte
        var i = 0
        while i < b.count {
            if b[i] == 0xC2, i + 1 < b.count, b[i + 1] == 0xBB { depth += 1 }
            if b[i] == 0xC2, i + 1 < b.count, b[i + 1] == 0xAB { depth = max(0, depth - 1) }
            if depth == 0, i > 0, b[i - 1] == 0x20, let (_, number, end) = itemLabel(b, i) {
                let opens = previous == 0x3A
                var continues = false
                if let n = Int(number) {
                    continues = (opens && n == 1) || lastNumber.map { n == $0 + 1 } ?? false
                    if continues { lastNumber = n }
                } else if let letter = number.utf8.first, number.utf8.count == 1 {
                    continues = (opens && letter == 0x61) || lastLetter.map { letter == $0 + 1 } ?? false
                    if continues { lastLetter = letter }
                }
                if continues {
                    while out.last == 0x20 { out.removeLast() }
                    out.append(0x0A)
                    out.append(contentsOf: b[i..<end])
                    previous = 0x29
                    i = end
                    continue
                }
            }
            if b[i] != 0x20 { previous = b[i] }
            out.append(b[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The provisions of `text` read as `form`.
    static func provisions(_ text: String, form: NewText.Form) -> [Provision] {
        let text = form == .items ? text : relayout(text)
        switch form {
        case .sections, .chapters:
            let root = RegulationParser.parse(text: text, sourceName: "»«").document.root
            return root.children.filter { [.chapter, .section, .part].contains($0.kind) }.map(Provision.init)
        case .subsections:
            let parsed = RegulationParser.parse(text: "§ 1.\n" + text, sourceName: "»«").document
            guard let section = parsed.sections.first else { return [] }
            var stks = section.children.filter { $0.kind == .subsection }.map(Provision.init)
            // The stand-in's empty first stk. goes; unlabelled text is the first stk. of the new text.
            if let first = stks.first, first.label == nil, first.children.isEmpty { stks.removeFirst() }
            if let first = stks.first, first.label == nil { stks[0].number = nil }
            return stks
        case .items:
            return items(text)
        case .sentences:
            return sentences(text)
        case .words, .heading:
            return []
        }
    }

    /// The sentences (and any items) of `text`, through the parser inside a stand-in "§ 1.".
    static func sentences(_ text: String) -> [Provision] {
        let parsed = RegulationParser.parse(text: "§ 1. " + text, sourceName: "»«").document
        guard let stk = parsed.sections.first?.children.first(where: { $0.kind == .subsection }) else {
            return [Provision(kind: .sentence, number: "1", text: text)]
        }
        return stk.children.map(Provision.init)
    }

    /// Items split at their labels: "4) …" (and "b) …") at the start of the text or of a line, or after ", ",
    /// "; " or "og " when the label continues the numbering.
    static func items(_ text: String) -> [Provision] {
        let b = Array(text.utf8)
        var starts: [(at: Int, label: String, number: String, bodyStart: Int)] = []
        var i = 0
        while i < b.count {
            let atStart = i == 0 || b[i - 1] == 0x0A || (b[i - 1] == 0x20 && starts.count > 0)
            if atStart, let (label, number, end) = itemLabel(b, i), starts.isEmpty || follows(number, starts[starts.count - 1].number) {
                starts.append((i, label, number, end))
                i = end
                continue
            }
            i += 1
        }
        guard !starts.isEmpty else { return [] }
        var result: [Provision] = []
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1].at : b.count
            let body = Bytes.normalized(String(decoding: b[start.bodyStart..<end], as: UTF8.self))
            var children = sentences(relayout(body))
            if children.isEmpty { children = [Provision(kind: .sentence, number: "1", text: body)] }
            result.append(Provision(kind: .item, number: start.number, label: start.label, children: children))
        }
        return result
    }

    /// Whether item number `next` follows `previous` ("5" after "4", "b" after "a").
    static func follows(_ next: String, _ previous: String) -> Bool {
        if let a = Int(previous), let b = Int(next) { return b == a + 1 }
        if let a = previous.unicodeScalars.first?.value, let b = next.unicodeScalars.first?.value, previous.count == 1, next.count == 1 {
            return b == a + 1
        }
        return false
    }

    /// An item label at `i`: digits (with an optional letter) or one letter, then ")" and a space.
    static func itemLabel(_ b: [UInt8], _ i: Int) -> (label: String, number: String, end: Int)? {
        var j = i
        while j < b.count, b[j] >= 0x30 && b[j] <= 0x39, j - i < 4 { j += 1 }
        if j == i {
            guard j < b.count, b[j] >= 0x61 && b[j] <= 0x7A else { return nil }
            j += 1
        } else if j < b.count, b[j] >= 0x61 && b[j] <= 0x7A {
            j += 1
        }
        guard j < b.count, b[j] == 0x29, j + 1 == b.count || b[j + 1] == 0x20 || b[j + 1] == 0x0A else { return nil }
        let raw = String(decoding: b[i..<j], as: UTF8.self)
        var number = raw
        if let last = raw.last, last.isLetter, raw.count > 1 { number = String(raw.dropLast()) + " " + String(last) }
        return (raw + ")", number, min(b.count, j + 1))
    }
}
