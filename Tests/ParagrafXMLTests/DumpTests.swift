import Foundation
import Testing
@testable import ParagrafXML

/// Prints the outline of a file when PARAGRAF_DUMP names it (a debugging aid, not a check).
@Test func dumpWhenAsked() throws {
    guard let path = ProcessInfo.processInfo.environment["PARAGRAF_DUMP"] else { return }
    let parsed = DocumentReader.read(try Files.bytes(URL(fileURLWithPath: path)), sourceName: path)
    print(OutlineFormatter(textWidth: 80).format(parsed.document))
    print(SummaryFormatter().format(parsed.document))
    print(parsed.document.metadata)
    for d in parsed.document.diagnostics.prefix(30) { print(d.rendered(file: path, source: parsed.source)) }
}
