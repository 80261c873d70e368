import ArgumentParser
import Foundation
import Paragraf
import ParagrafAmendments
import ParagrafDiff

/// `paragraf diff OLD NEW --amendments FILE`: the diff's report, then the instruction behind each change.
enum DiffAmendments {
    struct Envelope: Encodable {
        var schemaVersion = ChangeExplanations.schemaVersion
        var diff: DocumentDiff
        var amendments: ChangeExplanations
    }

    /// Reads the amending act, applies its part for `old` to `old`, and explains every change of `diff`.
    /// The explanations and the line table of the amending act their instructions' positions are in.
    static func explanations(
        _ path: String, old: ParsedDocument, new: ParsedDocument, diff: DocumentDiff
    ) throws -> (explanations: ChangeExplanations, locations: SourceLocationConverter) {
        let read = try readAmendingAct(path, quiet: false)
        let amendment: ActAmendment
        do {
            amendment = try read.act.amendment(for: old.document)
        } catch let error as AmendmentSelectionError {
            throw CLIError(error.description, exitCode: read.act.amendments.count > 1 ? 64 : 1)
        }
        let applied = AmendmentApplier.apply(amendment, to: old)
        let explanations = ChangeExplanations(
            amendingAct: "\(read.act.designation), § \(amendment.section)", target: amendment.target, instructions: applied.outcomes,
            changes: ChangeExplainer.explain(diff, applied: applied, base: old.document, new: new.document))
        return (explanations, read.source.locations)
    }

    /// Writes the report of `format` with the explanations: after a text or Markdown report, before the end of
    /// an HTML page, beside the diff in one JSON document (`{"amendments", "diff", "schemaVersion"}`).
    static func report(
        _ diff: DocumentDiff, explanations: ChangeExplanations, locations: SourceLocationConverter, format: DiffFormat, color: Bool,
        all: Bool, sink: ReportSink
    ) throws {
        let formatter = ChangeExplanationFormatter()
        switch format {
        case .text:
            try TextReportFormatter(color: color).write(diff, to: sink.write)
            try sink.write(formatter.text(explanations))
        case .markdown:
            try MarkdownReportFormatter(includeUnchanged: all).write(diff, to: sink.write)
            try sink.write(formatter.markdown(explanations))
        case .json:
            try sink.write(try Output.json(Envelope(diff: diff, amendments: explanations), locations: locations) + "\n")
        case .html:
            var page = ""
            HTMLReportFormatter().write(diff) { page += $0 }
            let section = formatter.html(explanations)
            if let end = page.range(of: "</body>", options: .backwards) {
                page.insert(contentsOf: section, at: end.lowerBound)
            } else {
                page += section
            }
            try sink.write(page)
        }
    }
}
