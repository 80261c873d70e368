import Foundation
import Paragraf
let path = CommandLine.arguments[1]
let data = try! Data(contentsOf: URL(fileURLWithPath: path))
let parsed = RegulationParser.parse([UInt8](data), sourceName: path)
print(OutlineFormatter(textWidth: 70).format(parsed.document))
print(SummaryFormatter().format(parsed.document))
print(parsed.document.metadata)
for d in parsed.document.diagnostics { print(d.rendered(file: path, source: parsed.source)) }
