import ArgumentParser
import Foundation
import Paragraf
import ParagrafAmendments
import ParagrafDiff

/// Report formats of `paragraf verify`.
enum VerifyFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}
