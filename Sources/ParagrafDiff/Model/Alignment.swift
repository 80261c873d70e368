import Paragraf

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
