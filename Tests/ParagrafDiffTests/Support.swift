import Foundation
import Paragraf
import ParagrafTestSupport
import Testing

@testable import ParagrafDiff

/// The package root, found from this file's path.
let packageRoot = ParagrafCLI.packageRoot

func parseFile(_ relative: String) throws -> ParsedDocument {
    let data = try Data(contentsOf: packageRoot.appendingPathComponent(relative))
    return RegulationParser.parse([UInt8](data), sourceName: relative)
}

func parseText(_ text: String, name: String) -> ParsedDocument {
    RegulationParser.parse(text: text, sourceName: name)
}

let corpus2003 = "corpus/tandpleje/2003-bek-tandpleje.txt"
let corpus2020 = "corpus/tandpleje/2020-bek-tandpleje.txt"
