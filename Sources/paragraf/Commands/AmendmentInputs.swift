import ArgumentParser
import Foundation
import Paragraf
import ParagrafAmendments
import ParagrafDiff

/// The base version and the amendment of it that `apply`, `verify` and `diff --amendments` work with.
struct AmendmentInputs {
    var baseName: String
    var base: ParsedDocument
    var amendingPath: String
    var read: ReadAmendingAct
    var amendment: ActAmendment

    /// Loads the base (a corpus version id or a file) and the amending act, and picks the amendment of the base.
    init(corpus: CorpusOptions, base: String, amending: String, act: String?, quiet: Bool) throws {
        let loaded = try corpus.loadVersionOrFile(base)
        baseName = loaded.name
        self.base = loaded.parsed
        amendingPath = amending
        read = try readAmendingAct(amending, quiet: quiet)
        do {
            amendment = try read.act.amendment(for: loaded.parsed.document, named: act)
        } catch let error as AmendmentSelectionError {
            throw CLIError(error.description, exitCode: act == nil && read.act.amendments.count > 1 ? 64 : 1)
        }
    }

    /// Prints the diagnostics of operations that failed, compiler-style, at the instruction in the amending act.
    func printFailures(_ applied: AppliedAct) {
        for outcome in applied.outcomes {
            for diagnostic in outcome.allDiagnostics where diagnostic.severity == .error {
                Output.error(diagnostic.rendered(file: amendingPath, source: read.source))
            }
        }
    }
}

/// Reads an amending act from a file (or standard input), printing what could not be read to standard error.
func readAmendingAct(_ path: String, quiet: Bool) throws -> ReadAmendingAct {
    let bytes = try Output.readInput(path)
    let read = AmendmentReader.read(bytes, sourceName: path)
    if !quiet {
        for diagnostic in read.act.allDiagnostics { Output.error(diagnostic.rendered(file: path, source: read.source)) }
    }
    if read.act.diagnostics.contains(where: { $0.code == AmendmentDiagnosticCode.unsupportedFormat.code }) {
        throw CLIError(
            "\(path): not an amending act's text or LexDania XML (HTML pages and dataset documents hold no readable instructions)")
    }
    return read
}
