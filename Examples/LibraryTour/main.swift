import Foundation
import Paragraf
import ParagrafDiff
import ParagrafReferences
import ParagrafXML

// The bundled corpus: the versions of Bekendtgørelse om tandpleje, each checked against its SHA-256.
let corpus = try Corpus(directory: Corpus.bundledDirectory())
let parsed = try corpus.load(try corpus.version("2003"))
let nodes = parsed.document.nodeTable()  // one row per node, in document order

switch nodes.lookup(try Address.parse("§ 17, stk. 3")) {
case .success(let node):
    print(nodes.place(of: node.id))
    print(node.children(.sentence).count, "pkt.")
    print(parsed.source.locations.location(of: node.range.start))  // line:column in the source text
case .failure(let error):
    print(error)
}
if case .failure(let error) = nodes.lookup(try Address.parse("§ 17, stk. 9")) {
    print(error)  // in Danish, as a jurist reads it
}

// Any text, in any encoding; parsing never throws on content, it diagnoses.
let other = RegulationParser.parse(Array("§ 1. Kommunen skal.\nStk. 2. Regionen kan.".utf8))
print(other.document.sections.count, "§,", other.document.sections[0].children.count, "stk.")

// Citations, resolved within the document.
let graph = ReferenceGraph(parsed: parsed)
print(graph.incoming(to: "p17").count, "citations of § 17;", "unresolved:", graph.unresolved.map(\.citation.text))

// Two versions compared across renumbering; reports in text, Markdown, JSON and HTML.
let diff = VersionDiff.compare(parsed, try corpus.load(try corpus.version("2020")))
let markdown = MarkdownReportFormatter().format(diff)
print(markdown.split(separator: "\n").first { $0.contains("380 kr.") } ?? "")

// LexDania XML, HTML or text, read by what it is; Akoma Ntoso out.
let xml = try Data(contentsOf: URL(fileURLWithPath: "fixtures/xml/straffeloven-extract.xml"))
let act = DocumentReader.read(Array(xml), sourceName: "straffeloven-extract.xml")
let akn = AkomaNtosoExporter().export(act.document)
print(act.document.sections.count, "§§ read from LexDania;", akn.utf8.count > 0 ? "Akoma Ntoso written" : "")
