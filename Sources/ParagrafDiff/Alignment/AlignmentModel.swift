import Paragraf

/// A provision of one version as the diff names it: node id, citation, place and source range.
public struct ProvisionRef: Codable, Hashable, Sendable {
    /// The node id ("p17/stk3").
    public var id: NodeID
    /// The citation a reader uses ("§ 17, stk. 3", "kapitel 4").
    public var citation: String
    /// The node kind.
    public var kind: NodeKind
    /// The chapter holding it ("kap5"), if any.
    public var chapter: NodeID?
    /// The title of a chapter or annex, or the first words of a section, for orientation (empty for
    /// subsections and items, which reports show with their text).
    public var caption: String
    /// The bytes of the node in its version's source.
    public var range: LocatedRange

    /// Creates a reference.
    public init(id: NodeID, citation: String, kind: NodeKind, chapter: NodeID?, caption: String, range: LocatedRange) {
        self.id = id
        self.citation = citation
        self.kind = kind
        self.chapter = chapter
        self.caption = caption
        self.range = range
    }
}

/// The structural level of an alignment row.
public enum AlignmentLevel: String, Codable, Hashable, Sendable, CaseIterable {
    /// Kapitel.
    case chapter
    /// Paragraf (§).
    case section
    /// Stykke.
    case subsection
    /// Nummer or litra.
    case item
    /// Bilag.
    case annex
    /// The preamble (*indledning*) with the legal basis.
    case preamble
}

/// What happened to a provision between two versions.
public enum AlignmentStatus: String, Codable, Hashable, Sendable, CaseIterable {
    /// Same number, same text.
    case unchanged
    /// Same number, different text.
    case modified
    /// A different number (the text may also have changed; see ``AlignmentRow/isModified``).
    case renumbered
    /// In another chapter than its old chapter's counterpart, or out of the order of its neighbours.
    case moved
    /// One old provision became several new ones.
    case split
    /// Several old provisions became one new one.
    case merged
    /// No counterpart in the new version.
    case removed
    /// No counterpart in the old version.
    case added
}

/// One row of an alignment: old provision(s), new provision(s), status and similarity.
public struct AlignmentRow: Codable, Hashable, Sendable {
    /// The level.
    public var level: AlignmentLevel
    /// The primary status (moved > renumbered > modified > unchanged; split, merged, added, removed).
    public var status: AlignmentStatus
    /// Old provisions (empty when added; two or more when merged).
    public var old: [ProvisionRef]
    /// New provisions (empty when removed; two or more when split).
    public var new: [ProvisionRef]
    /// Content similarity, 0...1, rounded to two decimals (1 for identical text).
    public var similarity: Double
    /// Whether the text changed.
    public var isModified: Bool
    /// Whether the number changed.
    public var isRenumbered: Bool
    /// Whether the provision moved (to another chapter, or out of order).
    public var isMoved: Bool

    /// Creates a row.
    public init(
        level: AlignmentLevel, status: AlignmentStatus, old: [ProvisionRef], new: [ProvisionRef], similarity: Double,
        isModified: Bool, isRenumbered: Bool, isMoved: Bool
    ) {
        self.level = level
        self.status = status
        self.old = old
        self.new = new
        self.similarity = similarity
        self.isModified = isModified
        self.isRenumbered = isRenumbered
        self.isMoved = isMoved
    }

    /// "§ 17 → § 21", "— → kapitel 4".
    public var arrow: String {
        let o = old.isEmpty ? "—" : old.map(\.citation).joined(separator: " + ")
        let n = new.isEmpty ? "—" : new.map(\.citation).joined(separator: " + ")
        return "\(o) → \(n)"
    }
}

/// The alignment of two versions of a regulation at every level.
public struct Alignment: Codable, Hashable, Sendable {
    /// Chapters.
    public var chapters: [AlignmentRow]
    /// Sections (§§).
    public var sections: [AlignmentRow]
    /// Subsections of aligned sections.
    public var subsections: [AlignmentRow]
    /// Items of aligned subsections.
    public var items: [AlignmentRow]
    /// Annexes, paired by number.
    public var annexes: [AlignmentRow]
    /// The preamble (at most one row).
    public var preamble: [AlignmentRow]

    /// Creates an alignment.
    public init(
        chapters: [AlignmentRow], sections: [AlignmentRow], subsections: [AlignmentRow], items: [AlignmentRow],
        annexes: [AlignmentRow] = [], preamble: [AlignmentRow] = []
    ) {
        self.chapters = chapters
        self.sections = sections
        self.subsections = subsections
        self.items = items
        self.annexes = annexes
        self.preamble = preamble
    }

    /// All rows, chapters first.
    public var allRows: [AlignmentRow] { preamble + chapters + sections + subsections + items + annexes }

    /// The new provision ids aligned to the old id (one, several after a split, none when removed).
    /// - Complexity: O(rows); build a dictionary when asking often.
    public func counterparts(ofOld id: NodeID) -> [NodeID] {
        for row in allRows where row.old.contains(where: { $0.id == id }) { return row.new.map(\.id) }
        return []
    }

    /// The old provision ids aligned to the new id.
    public func counterparts(ofNew id: NodeID) -> [NodeID] {
        for row in allRows where row.new.contains(where: { $0.id == id }) { return row.old.map(\.id) }
        return []
    }
}
