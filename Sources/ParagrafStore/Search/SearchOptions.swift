import Foundation
import GRDB
import Paragraf

/// What a search looks at.
public struct SearchOptions: Sendable, Hashable {
    /// The day whose versions are searched; nil for today. Ignored with ``allVersions``.
    public var date: LegalDate?
    /// Search every version, in force or not.
    public var allVersions = false
    /// Only these document types ("BEK", "LBK", "LOV", …); all when empty.
    public var types: [String] = []
    /// Only this work (an id or anything ``ParagrafStore/work(_:)`` accepts).
    public var work: String?
    /// At most this many hits.
    public var limit = 20

    /// Today's versions of every work, 20 hits.
    public init() {}
}
