import Paragraf

/// Applies the instructions of an amending act to a base version of the act they amend.
///
/// Each operation is applied to the node it addresses, in the order the act gives. Addresses are read in the
/// base's numbering (as Danish drafting writes them) with the renumbering of earlier instructions carried
/// through ("I § 15, stk. 3, som bliver stk. 4, …" finds the base's stk. 3 wherever it now stands). An
/// operation whose address or quoted words do not exist is not applied and is reported with both texts
/// (``OperationOutcome/expected`` and ``OperationOutcome/found``); nothing is skipped silently. The result is
/// rendered as text and parsed again, so that its tree has ranges into its own text.
///
/// ```swift
/// let base = DocumentReader.read(lbk9Bytes, sourceName: "LBK 9/2022")
/// let act = AmendmentReader.read(lovBytes).act
/// let applied = AmendmentApplier.apply(act.amendments[0], to: base)
/// applied.isFullyApplied                         // true
/// applied.changes.map(\.description)             // ["§ 53 a (inserted)", "§ 66, stk. 3 (inserted)", …]
/// ```
public enum AmendmentApplier {
    /// Applies `amendment` to `base`.
    /// - Complexity: linear in the size of the base and the amendment, for any number of instructions.
    public static func apply(_ amendment: ActAmendment, to base: ParsedDocument) -> AppliedAct {
        var run = ApplyRun(base.document)
        let originals = run.addresses()
        var pending: [(Instruction, InstructionOutcome.Status, [(OperationOutcome, [Touch])], [Diagnostic])] = []
        for instruction in amendment.instructions {
            guard instruction.status != .unread else {
                let diagnostic = AmendmentDiagnosticCode.notApplied.make(
                    "instruction \(instruction.number) was not read, so it was not applied: “\(NewText.excerpt(instruction.text, limit: 100))”",
                    instruction.range)
                pending.append((instruction, .unread, [], [diagnostic]))
                continue
            }
            run.touchedEntries = []
            var results: [(OperationOutcome, [Touch])] = []
            for operation in instruction.operations {
                results.append(apply(operation, in: &run))
            }
            for touch in results.flatMap(\.1) where run.act.entries[touch.serial] != nil { run.touchedEntries.insert(touch.serial) }
            var notes: [Diagnostic] = []
            let duplicates = run.duplicateNumbers(in: run.touchedEntries)
            if !duplicates.isEmpty {
                notes.append(
                    AmendmentDiagnosticCode.numbering.make(
                        "after instruction \(instruction.number) the act has two of \(duplicates.joined(separator: ", ")); a renumbering may be missing",
                        instruction.range))
            }
            if instruction.status == .partlyRead {
                notes.append(
                    AmendmentDiagnosticCode.notApplied.make(
                        "part of instruction \(instruction.number) was not read, so it was not applied", instruction.range))
            }
            let applied = results.filter { $0.0.status == .applied }.count
            let status: InstructionOutcome.Status =
                applied == 0 ? .failed : applied < results.count || instruction.status == .partlyRead ? .partlyApplied : .applied
            pending.append((instruction, status, results, notes))
        }
        let finals = run.addresses()
        let outcomes = pending.map { instruction, status, results, notes in
            InstructionOutcome(
                instruction: instruction, status: status, diagnostics: notes,
                operations: results.map { outcome, touches in
                    var outcome = outcome
                    outcome.changes = touches.map {
                        ProvisionChange(
                            kind: $0.kind, before: originals[$0.serial],
                            after: $0.kind == .repealed && run.act.entries[$0.serial]?.isRepealed != true ? nil : finals[$0.serial])
                    }
                    return outcome
                })
        }
        let text = ActRenderer.render(run.act)
        let parsed = RegulationParser.parse(text: text, sourceName: base.document.sourceName)
        return AppliedAct(
            amendment: amendment, outcomes: outcomes, text: text, parsed: parsed, body: run.act.ordered.map(\.provision))
    }

    /// One operation: applied with its touches, or failed with a diagnostic at the instruction.
    static func apply(_ operation: AmendmentOperation, in run: inout ApplyRun) -> (OperationOutcome, [Touch]) {
        run.touches = []
        run.warnings = []
        do {
            switch operation.action {
            case .replaceWords(let w): try run.changeWords(w, mode: .replace)
            case .insertWords(let w): try run.changeWords(w, mode: w.anchor?.side == .before ? .insertBefore : .insertAfter)
            case .deleteWords(let w): try run.changeWords(w, mode: .delete)
            case .insert(let i): try run.insert(i)
            case .repeal(let r): try run.repeal(r)
            case .rewrite(let r): try run.rewrite(r)
            case .renumber(let r): try run.renumber(r)
            }
            let notes = run.warnings.map { $0.0.make($0.1, operation.range) }
            return (OperationOutcome(operation: operation, status: .applied, diagnostics: notes), run.touches)
        } catch let failure as ApplyFailure {
            let diagnostic = failure.code.make(failure.message, operation.range)
            return (
                OperationOutcome(
                    operation: operation, status: .failed, message: failure.message, expected: failure.expected, found: failure.found,
                    diagnostics: [diagnostic]), []
            )
        } catch {
            let diagnostic = AmendmentDiagnosticCode.notApplied.make("\(error)", operation.range)
            return (OperationOutcome(operation: operation, status: .failed, message: "\(error)", diagnostics: [diagnostic]), [])
        }
    }
}
