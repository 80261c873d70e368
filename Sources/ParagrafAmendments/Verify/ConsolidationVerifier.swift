import Foundation
import Paragraf
import ParagrafDiff

/// Checks a published consolidation (an LBK) against its base version and an amending act, both ways:
///
/// 1. the instructions are applied to the base (``AmendmentApplier``), and the result is compared with the
///    consolidation § by §, stk. by stk. (``Verification/provisions``), chapters included where both sources
///    have headings;
/// 2. the diff engine compares base and consolidation (``VersionDiff``), and every change it finds is explained
///    by an instruction, or by something else nameable, or reported as unexplained with both texts
///    (``Verification/changes``);
/// 3. what the consolidation says about itself is checked: that it consolidates the base version with the
///    amending act, and keeps the act's in-force provision as a note (``Verification/statements``).
///
/// Parts a partial source (a dataset document) does not hold are not compared, and the report says so.
///
/// ```swift
/// let v = ConsolidationVerifier.verify(base: lbk9, act: lov1547, amendment: lov1547.amendments[0], consolidated: lbk62)
/// v.agrees                                    // true
/// v.changes.filter { $0.explanation == .instruction }.count   // 7
/// ```
public enum ConsolidationVerifier {
    /// Verifies `consolidated` against `base` with `amendment` (a part of `act`) applied.
    public static func verify(
        base: ParsedDocument, act: AmendingAct, amendment: ActAmendment, consolidated: ParsedDocument,
        baseName: String? = nil, consolidatedName: String? = nil
    ) -> Verification {
        let applied = AmendmentApplier.apply(amendment, to: base)
        let new = consolidated.document
        var touched: [String: [String]] = [:]
        for outcome in applied.outcomes {
            let label = outcome.instruction.number.isEmpty ? "§ \(amendment.section)" : outcome.instruction.number
            for change in outcome.changes {
                guard let section = change.after?.number(at: .section) ?? change.before?.number(at: .section) else { continue }
                let key = EditNode.key(section)
                if !(touched[key]?.contains(label) ?? false) { touched[key, default: []].append(label) }
            }
        }
        let headings = !base.document.lacks(.chapterTitles) && !new.lacks(.chapterTitles)
        let comparer = ProvisionComparer(
            applied: applied.body, consolidated: EditableAct(new).ordered.map(\.provision), notes: new.metadata.notes ?? [],
            compareHeadings: headings, touchedBy: touched)
        let diff = VersionDiff.compare(base, consolidated)
        let changes = ChangeExplainer.explain(diff, applied: applied, base: base.document, new: new)
        let baseLabel = baseName ?? base.document.sourceName
        let newLabel = consolidatedName ?? new.sourceName
        return Verification(
            base: baseLabel, amendingAct: "\(act.designation), § \(amendment.section)", consolidated: newLabel,
            target: amendment.target, instructions: applied.outcomes, provisions: comparer.sections(), chapters: comparer.chapters(),
            statements: statements(act: act, amendment: amendment, consolidated: new),
            changes: changes, notCompared: notCompared(base.document, new, baseLabel: baseLabel, newLabel: newLabel))
    }

    /// The parts a partial source leaves out, named, one line per reason: "title, preamble, chapter titles,
    /// annexes, signature: LBK 9/2022's source does not hold them".
    static func notCompared(_ base: Document, _ new: Document, baseLabel: String, newLabel: String) -> [String] {
        var reasons: [(String, [String])] = []
        for part in DocumentPart.allCases where base.lacks(part) || new.lacks(part) {
            let who =
                base.lacks(part) && new.lacks(part)
                ? "neither source holds them"
                : base.lacks(part) ? "\(baseLabel)'s source does not hold them" : "\(newLabel)'s source does not hold them"
            if let k = reasons.firstIndex(where: { $0.0 == who }) {
                reasons[k].1.append(part.displayName)
            } else {
                reasons.append((who, [part.displayName]))
            }
        }
        return reasons.map { "\($0.1.joined(separator: ", ")): \($0.0)" }
    }

    /// What the consolidation says about what it consolidates, checked against the amending act.
    static func statements(act: AmendingAct, amendment: ActAmendment, consolidated: Document) -> [Statement] {
        var out: [Statement] = []
        let preamble = consolidated.root.children.first { $0.kind == .preamble }?.plainText
        let notStated = consolidated.lacks(.preamble) ? "the consolidation's source holds no preamble" : "the consolidation has no preamble"
        if let instrument = amendment.instrument, let number = instrument.number {
            let claim = "names \(instrument.text) as the version it consolidates"
            if let preamble {
                let says = mentions(preamble, number: number, date: instrument.date)
                out.append(Statement(claim: claim, status: says ? .holds : .fails, detail: preamble))
            } else {
                out.append(Statement(claim: claim, status: .notStated, detail: notStated))
            }
        }
        let actName = act.number.map { "\(act.documentType.danishName) nr. \($0)" } ?? act.documentType.danishName
        let actClaim = "includes § \(amendment.section) of \(actName)\(act.signingDate.map { " af \($0.danish)" } ?? "")"
        if let preamble {
            let says = mentions(preamble, number: act.number, date: act.signingDate) && preamble.contains("§ \(amendment.section)")
            out.append(Statement(claim: actClaim, status: says ? .holds : .fails, detail: preamble))
        } else {
            out.append(Statement(claim: actClaim, status: .notStated, detail: notStated))
        }
        for own in act.ownProvisions where own.isInForce {
            let claim = "keeps § \(own.section) of the amending act (“\(NewText.excerpt(own.text, limit: 60))”) as a note"
            let notes = consolidated.metadata.notes?.filter { $0.kind == .inForce } ?? []
            let mine = notes.first { mentions($0.text, number: act.number, date: act.signingDate) }
            if let mine {
                let kept = TextComparison.normalized(mine.text).contains(TextComparison.normalized(own.text))
                out.append(Statement(claim: claim, status: kept ? .holds : .fails, detail: mine.text))
            } else if notes.isEmpty {
                out.append(Statement(claim: claim, status: .notStated, detail: "the consolidation's source holds no in-force notes"))
            } else {
                out.append(Statement(claim: claim, status: .fails, detail: "no in-force note names the amending act"))
            }
        }
        return out
    }

    /// Whether `text` names "nr. N af D" (or, with no number known, an act of date D).
    static func mentions(_ text: String, number: String?, date: LegalDate?) -> Bool {
        let normalized = TextComparison.normalized(text)
        let dateText = date.map { " af \($0.danish)" } ?? ""
        if let number { return normalized.contains("nr. \(number)\(dateText)") }
        return date != nil && normalized.contains(dateText)
    }
}

extension DocumentType {
    /// "lov", "lovbekendtgørelse", "bekendtgørelse".
    var danishName: String {
        switch self {
        case .lov: "lov"
        case .lovbekendtgoerelse: "lovbekendtgørelse"
        case .bekendtgoerelse: "bekendtgørelse"
        case .cirkulaere: "cirkulære"
        case .vejledning: "vejledning"
        case .unknown: "akt"
        }
    }
}
