import Paragraf

/// The kind of a word-level change, after classification.
public enum ChangeCategory: String, Codable, Hashable, Sendable, CaseIterable {
    /// An amount (kr., %, years, months …) changed.
    case amount
    /// A term replaced as part of a systematic substitution.
    case term
    /// A change of who must or may act.
    case duty
    /// A citation changed.
    case citation
    /// Any other wording.
    case wording
}

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
    public var oldRange: LocatedRange? {
        get { details?.values.oldRange }
        set { update { $0.oldRange = newValue } }
    }
    /// The bytes of the new text in the new source (changes only).
    public var newRange: LocatedRange? {
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
        operation: DiffHunk.Operation, old: String? = nil, new: String? = nil, oldRange: LocatedRange? = nil,
        newRange: LocatedRange? = nil, oldCitation: String? = nil, newCitation: String? = nil,
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
            var oldRange: LocatedRange?
            var newRange: LocatedRange?
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
            oldRange: try c.decodeIfPresent(LocatedRange.self, forKey: .oldRange),
            newRange: try c.decodeIfPresent(LocatedRange.self, forKey: .newRange),
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

/// The word-level comparison of one aligned subsection (or annex block), or an added or removed one.
public struct ProvisionDiff: Codable, Hashable, Sendable {
    /// The old provision, if any.
    public var old: ProvisionRef?
    /// The new provision, if any.
    public var new: ProvisionRef?
    /// The text in order; an added provision is one insertion, a removed one one deletion.
    public var segments: [TextSegment]

    /// Whether anything changed.
    public var isChanged: Bool { segments.contains { $0.operation != .equal } }
}

/// The comparison of one section (or an annex): its alignment row and its subsections.
public struct SectionDiff: Codable, Hashable, Sendable {
    /// Anchor for reports: "s-p17-p21", "s-add-p17", "s-del-p32".
    public var anchor: String
    /// The section's alignment row.
    public var row: AlignmentRow
    /// The subsections (or annex blocks), in reading order.
    public var provisions: [ProvisionDiff]
}

/// An amount that changed between aligned provisions: "380 kr. → 540 kr. (+42 %)".
public struct AmountChange: Codable, Hashable, Sendable {
    /// The unit, normalized: "kr.", "%", "år", "måneder", "dage", "uger", "timer".
    public var unit: String
    /// The old value (1.420 kr. is 1420).
    public var oldValue: Double
    /// The new value.
    public var newValue: Double
    /// The relative change in percent, rounded to a whole number (nil when the old value is 0).
    public var percentChange: Int?
    /// The old amount as written ("1.420 kr.").
    public var oldText: String
    /// The new amount as written.
    public var newText: String
    /// Where in the old version.
    public var oldCitation: String
    /// Where in the new version.
    public var newCitation: String
    /// The bytes of the old amount.
    public var oldRange: LocatedRange
    /// The bytes of the new amount.
    public var newRange: LocatedRange

    /// "380 kr. → 540 kr. (+42 %)".
    public var summary: String {
        var s = "\(oldText) → \(newText)"
        if let p = percentChange { s += " (\(p >= 0 ? "+" : "−")\(abs(p)) %)" }
        return s
    }
}

/// One occurrence of a substitution.
public struct Place: Codable, Hashable, Sendable {
    /// Old citation.
    public var oldCitation: String
    /// New citation.
    public var newCitation: String
    /// The bytes in the old source.
    public var oldRange: LocatedRange
    /// The bytes in the new source.
    public var newRange: LocatedRange
}

/// A term replaced systematically ("amtsrådet → regionsrådet", 31 times), reported once.
public struct TermSubstitution: Codable, Hashable, Sendable {
    /// The old term, lower-case.
    public var old: String
    /// The new term, lower-case.
    public var new: String
    /// How often the replacement occurs.
    public var count: Int
    /// Whether the pair is in the seed lexicon of era terms (otherwise found from repetition alone).
    public var isKnownEraTerm: Bool
    /// Every occurrence.
    public var places: [Place]
}

/// Who must or may act in a provision, as read from its sentences ("Amtsrådet skal …").
public struct Duty: Codable, Hashable, Sendable {
    /// The duty-bearer as written ("Amtsrådet", "Kommunalbestyrelsen").
    public var actor: String
    /// The modality.
    public var modality: Modality
    /// The verb that follows the modal ("tilbyde"), or the verb itself for a statement ("yder").
    public var verb: String
}

/// A change of duty-bearer or modality in an aligned subsection.
public struct DutyChange: Codable, Hashable, Sendable {
    /// Old citation.
    public var oldCitation: String
    /// New citation.
    public var newCitation: String
    /// The old duty.
    public var old: Duty
    /// The new duty.
    public var new: Duty
    /// The bytes of the old sentence opening.
    public var oldRange: LocatedRange
    /// The bytes of the new sentence opening.
    public var newRange: LocatedRange

    /// Whether the duty-bearer changed.
    public var actorChanged: Bool {
        // The same bytes lower-case alike: most duties keep their bearer, and lower-casing copies.
        if old.actor.utf8.elementsEqual(new.actor.utf8) { return false }
        if let same = DutyChange.sameLowercasedLatin1(old.actor, new.actor) { return !same }
        return old.actor.lowercased() != new.actor.lowercased()
    }

    /// Whether `a.lowercased() == b.lowercased()`, told byte by byte when both are ASCII and Latin-1
    /// letters (Danish actors): there lower-casing maps each scalar alone (A–Z and À–Þ but × move up by
    /// 32), and such texts are normalized, so equal strings are equal bytes. Nil for other texts.
    static func sameLowercasedLatin1(_ a: String, _ b: String) -> Bool? {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y -> Bool? in
                /// The lower-case bytes of `s`, one scalar at a time: (lead, trail) with lead 0 for ASCII.
                func lowered(_ s: UnsafeBufferPointer<UInt8>) -> [UInt16]? {
                    var out: [UInt16] = []
                    out.reserveCapacity(s.count)
                    var i = 0
                    while i < s.count {
                        let c = s[i]
                        if c < 0x80 {
                            out.append(UInt16(c >= 0x41 && c <= 0x5A ? c + 0x20 : c))
                            i += 1
                        } else if c == 0xC3, i + 1 < s.count, s[i + 1] >= 0x80, s[i + 1] <= 0xBF {
                            let t = s[i + 1]
                            out.append(0xC300 | UInt16(t >= 0x80 && t <= 0x9E && t != 0x97 ? t + 0x20 : t))
                            i += 2
                        } else {
                            return nil
                        }
                    }
                    return out
                }
                guard let la = lowered(x), let lb = lowered(y) else { return nil }
                return la == lb
            }
        }
    }
    /// Whether the modality changed.
    public var modalityChanged: Bool { old.modality != new.modality }

    /// "Amtsrådet skal tilbyde → Kommunalbestyrelsen kan tilbyde".
    public var summary: String {
        func phrase(_ d: Duty) -> String {
            d.modality == .does ? "\(d.actor) \(d.verb)" : "\(d.actor) \(d.modality.danish) \(d.verb)"
        }
        return "\(phrase(old)) → \(phrase(new))"
    }
}

/// A change of the document's metadata.
public struct MetadataChange: Codable, Hashable, Sendable {
    /// The field: "title", "documentType", "legalBasisAct", "ministry", "signingDate", "inForceDate",
    /// "signers", "repeals".
    public var field: String
    /// The old value as text.
    public var old: String?
    /// The new value as text.
    public var new: String?
}

/// What went wrong with a citation between two versions.
public enum CitationIssue: String, Codable, Hashable, Sendable, CaseIterable {
    /// The citation still carries the number its target had before a renumbering and now names another provision.
    case stale
    /// The citation names a different provision than the counterpart of what the old version cited there.
    case changedTarget
    /// The citation names nothing in the new version.
    case unresolved
    /// The citation was stale in the old version (it kept a number its target lost in a renumbering before) and
    /// the new version corrects it to the provision meant.
    case corrected
}

/// A citation in the new version whose target is doubtful.
public struct CitationChange: Codable, Hashable, Sendable {
    /// The kind of problem.
    public var issue: CitationIssue
    /// The provision holding the citation in the new version.
    public var newCitation: String
    /// The citation as written in the new version ("§ 18, stk. 3").
    public var newText: String
    /// What it names in the new version ("§ 18, stk. 3"), nil when unresolved.
    public var newTarget: String?
    /// The provision holding the citation in the old version, if aligned.
    public var oldCitation: String?
    /// The citation as written in the old version at the same place.
    public var oldText: String?
    /// What the old citation named in the old version.
    public var oldTarget: String?
    /// The counterpart of the old target in the new version: what the citation should probably say.
    public var expectedTarget: String?
    /// The bytes of the citation in the new source.
    public var newRange: LocatedRange
    /// The bytes of the old citation in the old source.
    public var oldRange: LocatedRange?
    /// A sentence for readers.
    public var explanation: String
}

/// A version as the diff describes it.
public struct VersionSummary: Codable, Hashable, Sendable {
    /// The source name (file path or corpus version id).
    public var sourceName: String
    /// The title.
    public var title: String?
    /// The signing date.
    public var signingDate: LegalDate?
    /// The in-force date.
    public var inForceDate: LegalDate?
    /// The ministry.
    public var ministry: String?
    /// Numbers of chapters, sections and subsections.
    public var chapters: Int
    /// Sections.
    public var sections: Int
    /// Subsections.
    public var subsections: Int
}

/// Counts for the summary of a diff.
public struct DiffSummary: Codable, Hashable, Sendable {
    /// Alignment rows by level and status: `["section": ["renumbered": 17, …], …]`.
    public var alignment: [String: [String: Int]]
    /// Changes by category.
    public var changes: [String: Int]
    /// Whether the two versions say the same.
    public var isIdentical: Bool
}

/// Everything that differs between two versions of a regulation.
public struct DocumentDiff: Codable, Hashable, Sendable {
    /// The JSON schema version (see the DocC article "Diff JSON schema").
    public static let currentSchemaVersion = 1

    /// The JSON schema version.
    public var schemaVersion: Int
    /// The old version.
    public var old: VersionSummary
    /// The new version.
    public var new: VersionSummary
    /// Counts.
    public var summary: DiffSummary
    /// The alignment at every level.
    public var alignment: Alignment
    /// Metadata changes.
    public var metadata: [MetadataChange]
    /// Amount changes.
    public var amounts: [AmountChange]
    /// Systematic term substitutions.
    public var terms: [TermSubstitution]
    /// Duty-bearer and modality changes.
    public var duties: [DutyChange]
    /// Doubtful citations.
    public var citations: [CitationChange]
    /// Every section side by side, in reading order of the new version (removed ones where they stood).
    public var sections: [SectionDiff]
    /// The parts left out because a source is partial (nil when both sources are complete).
    public var notCompared: NotCompared? = nil
    /// Passages outside the §§, preamble and annexes that differ (unplaced text, the signature); nil when none.
    public var outsideSections: [OutsideTextChange]? = nil

    /// Whether the two versions say the same.
    public var isIdentical: Bool { summary.isIdentical }
}
