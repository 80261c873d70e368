import ArgumentParser

/// Report formats of `paragraf diff`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, html
}
