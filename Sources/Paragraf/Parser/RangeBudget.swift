/// How many §§ between the ends of ranges may still become nodes of their own, for both readers (the text
/// parser and the LexDania importer): one per 16 bytes of the input, at least 1 000.
///
/// A hostile text of "§§ 1-999. (Ophævet)" lines would otherwise make 998 empty sections per 23 bytes; real acts
/// stay far below (the largest ranges in the corpus name about 60 §§: "§§ 376-437. (Udeladt).").
package struct RangeBudget: Sendable {
    /// The §§ between range ends still allowed.
    package private(set) var remaining: Int

    /// The budget for an input of `inputBytes` bytes.
    package init(inputBytes: Int) {
        remaining = max(1000, inputBytes / 16)
    }

    /// Every § `label` names (``SectionLabel/sections``), or only its two ends once the budget is spent.
    package mutating func sections(of label: SectionLabel) -> [LetteredNumber] {
        let numbers = label.sections
        guard let last = label.last, numbers.count > 2 else { return numbers }
        guard numbers.count - 2 <= remaining else { return [label.first, last] }
        remaining -= numbers.count - 2
        return numbers
    }
}
