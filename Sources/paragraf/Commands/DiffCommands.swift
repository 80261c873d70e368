import ArgumentParser
import Foundation
import Paragraf
import ParagrafDiff

/// Commands of the diff module (issue 4): diff, history.
enum DiffCommands {
    static let all: [any ParsableCommand.Type] = [DiffCommand.self, HistoryCommand.self]
}
