import Paragraf

/// Amounts that changed: an old and a new amount of the same unit ("380 kr." → "540 kr.") inside the same
/// replacement (``AmountReader`` finds them).
struct AmountDetector: ChangeDetector {
    var category: ChangeCategory { .amount }

    func detect(in pairs: ComparedPairs, into findings: inout ChangeFindings) -> Int {
        let oldLocator = pairs.oldLocator
        let newLocator = pairs.newLocator
        var amounts: [AmountChange] = []
        for c in pairs.pairs where c.hunks.contains(where: { $0.operation == .replace }) {
            let oldAmounts = AmountReader.amounts(in: c.oldTokens)
            if oldAmounts.isEmpty { continue }
            let newAmounts = AmountReader.amounts(in: c.newTokens)
            if newAmounts.isEmpty { continue }
            for (h, hunk) in c.hunks.enumerated() where hunk.operation == .replace {
                let os = oldAmounts.filter { hunk.old.contains($0.numberToken) }
                var ns = newAmounts.filter { hunk.new.contains($0.numberToken) }
                for o in os {
                    guard let k = ns.firstIndex(where: { $0.unit == o.unit }) else { continue }
                    let m = ns.remove(at: k)
                    guard m.value != o.value else { continue }
                    let oldRange = oldLocator.range(o.offsets.lowerBound, o.offsets.upperBound)
                    let newRange = newLocator.range(m.offsets.lowerBound, m.offsets.upperBound)
                    amounts.append(
                        AmountChange(
                            unit: o.unit, oldValue: o.value, newValue: m.value,
                            percentChange: o.value == 0 ? nil : Int(((m.value - o.value) / o.value * 100).rounded()),
                            oldText: o.text, newText: m.text,
                            oldCitation: oldLocator.citation(at: o.offsets.lowerBound, fallback: pairs.oldCitation(c)),
                            newCitation: newLocator.citation(at: m.offsets.lowerBound, fallback: pairs.newCitation(c)),
                            oldRange: oldRange, newRange: newRange))
                    c.claim(h, as: .amount)
                }
            }
        }
        findings.amounts = amounts
        return amounts.count
    }
}
