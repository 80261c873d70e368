import Foundation
import Paragraf

/// A document that could not be imported, and why.
struct ImportFailure: Error, Sendable {
    var source: String
    var sha256: String?
    var bytes: Int
    var reason: String
}
