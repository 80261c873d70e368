import ArgumentParser
import Foundation
import Paragraf
import ParagrafXML

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a version as Akoma Ntoso 3.0 XML or as a standalone HTML page.",
        discussion: """
            <version> is a corpus version id (see `paragraf versions`) or the path of a file in any format \
            `paragraf parse` reads (text, LexDania XML, HTML). --format akn writes an Akoma Ntoso 3.0 `act` \
            with FRBR metadata (ELI where known), the lifecycle and eIds such as chp_4__sec_17__subsec_3; it \
            validates against the OASIS schema. --format html writes one accessible page with an anchor per \
            provision. Citations are links (to the cited provision's eId, or to an instrument's ELI). Use --validate XSD to check the AKN output with libxml2 (exit 1 on errors).

            Examples:
              paragraf export 2020 --format akn > tandpleje-2020.xml
              paragraf export 2020 --format akn --validate akomantoso30.xsd > /dev/null
              paragraf export fixtures/hold-af-dyr/LBK-2024-62-hold-af-dyr.xml --format html > hold-af-dyr.html
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case akn, html
    }

    @OptionGroup var corpusOptions: CorpusOptions
    @Argument(help: "A corpus version id, or a file path.") var version: String
    @Option(help: "Output format: akn (Akoma Ntoso 3.0 XML) or html.") var format: Format = .akn
    @Option(help: ArgumentHelp("Validate the AKN output against this XSD (e.g. akomantoso30.xsd).", valueName: "XSD"))
    var validate: String?

    func run() throws {
        try reportingErrors {
            var (_, corpusVersion, parsed) = try corpusOptions.loadVersionOrFile(version)
            if let corpusVersion {
                var doc = parsed.document
                // The manifest knows what the text may not state.
                if doc.metadata.number == nil { doc.metadata.number = corpusVersion.manifest.number }
                if doc.metadata.signingDate == nil { doc.metadata.signingDate = corpusVersion.manifest.signed }
                if doc.metadata.inForceDate == nil { doc.metadata.inForceDate = corpusVersion.manifest.inForce }
                parsed.document = doc
            }
            let document = parsed.document
            // Citations become links: to the cited provision's eId, or to another instrument's ELI.
            let links = CitationLinker.links(for: parsed)
            let output: String
            switch format {
            case .akn: output = AkomaNtosoExporter(links: links).export(document)
            case .html: output = HTMLExporter(links: links).export(document)
            }
            print(output, terminator: "")
            if let validate {
                guard format == .akn else { throw CLIError("--validate applies to --format akn", exitCode: 64) }
                let problems = SchemaValidator(schemaPath: validate).validate(output)
                let locations = SourceText(bytes: Array(output.utf8)).locations
                for p in problems.prefix(20) {
                    Output.error("export.xml:\(locations.location(of: p.range.start)): \(p.severity.rawValue)[\(p.code)]: \(p.message)")
                }
                if !problems.isEmpty { throw CLIError("the export does not validate against \(validate) (\(problems.count) problems)") }
                Output.error("valid against \(validate)")
            }
        }
    }
}
