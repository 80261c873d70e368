import ArgumentParser
import Foundation
import Paragraf
import ParagrafCommandLine
import ParagrafStore
import ParagrafXML

/// Output formats for data commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
