import Foundation
import Paragraf

/// Why a request cannot be answered before the corpus is asked: a method that would write, a target too long,
/// bad percent-escapes, path traversal, a malformed address or date. Each has the HTTP status and a message.
public struct RequestProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// 400, 404, 405 or 414.
    public var status: Int
    /// What is wrong, as the command line would say it.
    public var message: String

    /// A problem.
    public init(status: Int, message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { "\(status): \(message)" }
}
