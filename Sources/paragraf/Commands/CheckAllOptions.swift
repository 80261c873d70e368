import ArgumentParser
import Foundation
import Paragraf
import ParagrafDiff
import ParagrafStore

/// `check --all` and its options.
struct CheckAllOptions: ParsableArguments {
    @Flag(help: "Check every document of the corpus database (--db, or the bundled corpus's): counts per type and the first cases.")
    var all = false
    @Option(help: ArgumentHelp("With --all: how many cases to list.", valueName: "N")) var limit = 20
    @Option(help: ArgumentHelp("With --all: only this document type (repeatable).", valueName: "TYPE")) var type: [String] = []
}
