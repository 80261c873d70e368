import Foundation
import Paragraf

/// Why no single amended act could be picked.
public struct AmendmentSelectionError: Error, CustomStringConvertible {
    /// The message, listing the acts the amending act amends.
    public var description: String
}
