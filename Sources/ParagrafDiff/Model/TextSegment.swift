import Paragraf

/// A run of text in an aligned pair of provisions: unchanged, deleted, inserted or replaced.
///
/// A diff holds a segment for every run of unchanged text as well as for every change, so the details
/// only changes have (ranges, citations, category) are stored out of line, in one shared immutable box:
/// an unchanged segment is the size of its operation and two strings. Reading and setting the properties,
/// equality, hashing and the JSON form are those of a plain struct with these eight stored properties.
public struct TextSegment: Codable, Hashable, Sendable {
    /// What happened to the run.
    public var operation: DiffHunk.Operation
    /// The old text (nil for an insertion).
    public var old: String?
    /// The new text (nil for a deletion).
    public var new: String?
    /// The change details; nil when all of them are nil.
    private var details: Details?

    /// The bytes of the old text in the old source (changes only).
    public var oldRange: SourceRange? {
        get { details?.values.oldRange }
        set { update { $0.oldRange = newValue } }
    }
    /// The bytes of the new text in the new source (changes only).
    public var newRange: SourceRange? {
        get { details?.values.newRange }
        set { update { $0.newRange = newValue } }
    }
    /// The most precise old citation of the change ("§ 10, stk. 1, 2. pkt."), changes only.
    public var oldCitation: String? {
        get { details?.values.oldCitation }
        set { update { $0.oldCitation = newValue } }
    }
    /// The most precise new citation of the change, changes only.
    public var newCitation: String? {
        get { details?.values.newCitation }
        set { update { $0.newCitation = newValue } }
    }
    /// What the change is, changes only.
    public var category: ChangeCategory? {
        get { details?.values.category }
        set { update { $0.category = newValue } }
    }

    /// Creates a segment.
    public init(
        operation: DiffHunk.Operation, old: String? = nil, new: String? = nil, oldRange: SourceRange? = nil,
        newRange: SourceRange? = nil, oldCitation: String? = nil, newCitation: String? = nil,
        category: ChangeCategory? = nil
    ) {
        self.operation = operation
        self.old = old
        self.new = new
        details = Details.make(
            Details.Values(
                oldRange: oldRange, newRange: newRange, oldCitation: oldCitation, newCitation: newCitation,
                category: category))
    }

    /// Sets detail values: a new box (boxes are shared between copies and never change).
    private mutating func update(_ change: (inout Details.Values) -> Void) {
        var values = details?.values ?? Details.Values()
        change(&values)
        details = Details.make(values)
    }

    /// The change details of a segment, immutable and shared by copies of the segment.
    private final class Details: Hashable, Sendable {
        struct Values: Hashable, Sendable {
            var oldRange: SourceRange?
            var newRange: SourceRange?
            var oldCitation: String?
            var newCitation: String?
            var category: ChangeCategory?

            var isEmpty: Bool {
                oldRange == nil && newRange == nil && oldCitation == nil && newCitation == nil && category == nil
            }
        }

        let values: Values

        private init(_ values: Values) { self.values = values }

        /// A box for `values`, or nil when there is nothing to hold.
        static func make(_ values: Values) -> Details? { values.isEmpty ? nil : Details(values) }

        static func == (a: Details, b: Details) -> Bool { a === b || a.values == b.values }
        func hash(into hasher: inout Hasher) { values.hash(into: &hasher) }
    }

    private enum CodingKeys: String, CodingKey {
        case operation, old, new, oldRange, newRange, oldCitation, newCitation, category
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            operation: try c.decode(DiffHunk.Operation.self, forKey: .operation),
            old: try c.decodeIfPresent(String.self, forKey: .old),
            new: try c.decodeIfPresent(String.self, forKey: .new),
            oldRange: try c.decodeIfPresent(SourceRange.self, forKey: .oldRange),
            newRange: try c.decodeIfPresent(SourceRange.self, forKey: .newRange),
            oldCitation: try c.decodeIfPresent(String.self, forKey: .oldCitation),
            newCitation: try c.decodeIfPresent(String.self, forKey: .newCitation),
            category: try c.decodeIfPresent(ChangeCategory.self, forKey: .category))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(operation, forKey: .operation)
        try c.encodeIfPresent(old, forKey: .old)
        try c.encodeIfPresent(new, forKey: .new)
        try c.encodeIfPresent(oldRange, forKey: .oldRange)
        try c.encodeIfPresent(newRange, forKey: .newRange)
        try c.encodeIfPresent(oldCitation, forKey: .oldCitation)
        try c.encodeIfPresent(newCitation, forKey: .newCitation)
        try c.encodeIfPresent(category, forKey: .category)
    }
}
