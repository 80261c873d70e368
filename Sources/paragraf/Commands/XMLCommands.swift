import ArgumentParser
import Foundation
import Paragraf
import ParagrafXML

/// Commands of the XML module (issue 5): export.
enum XMLCommands {
    static let all: [any ParsableCommand.Type] = [ExportCommand.self]
}
