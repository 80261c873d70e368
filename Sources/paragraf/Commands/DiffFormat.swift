import ArgumentParser
import Foundation

/// Report formats of `paragraf diff`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, html

    /// The format a report file's extension names: .html/.htm, .md/.markdown, .json, .txt; nil for others.
    static func inferred(from path: String) -> DiffFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": return .html
        case "md", "markdown": return .markdown
        case "json": return .json
        case "txt", "text": return .text
        default: return nil
        }
    }
}
