import GRDB
import Paragraf

/// A version of a work: one instrument, with its in-force interval and whether its text is in the corpus.
public struct StoredVersion: Codable, Hashable, Sendable {
    /// The version's id in the database (stable until the next import).
    public var id: Int64
    /// The work's id ("tandpleje").
    public var work: String
    /// The short name the commands accept: a manifest's id ("2020") or number/year ("1077/2020").
    public var name: String
    /// "BEK 1077/2020".
    public var label: String
    /// "BEK", "LBK", …
    public var type: String
    /// The number in Lovtidende.
    public var number: String?
    /// The year of the number.
    public var year: Int?
    /// The title.
    public var title: String?
    /// The date of signing.
    public var signed: LegalDate?
    /// A version, an amendment, a commencement or a repealing order.
    public var role: DocumentRole
    /// The first day it applied (its signing date when no in-force date is known).
    public var validFrom: LegalDate?
    /// The first day it no longer applied; nil while it applies (or when its end is unknown).
    public var validTo: LegalDate?
    /// Whether it was repealed on or before its first day, so it never applied.
    public var neverApplied: Bool
    /// Whether its text is in the corpus (else it is known from another document: a repeal statement, metadata).
    public var hasText: Bool
    /// The document that is its preferred source, if any.
    public var document: Int64?
    /// How many documents are sources of it.
    public var sources: Int
    /// The version that repealed it.
    public var repealedBy: String?
    /// How it was placed: "repealed by BEK 871/2024", "2 sources", ….
    public var evidence: String

    /// Whether it applied on `date`.
    public func isInForce(on date: LegalDate) -> Bool {
        guard let from = validFrom, from <= date, !neverApplied else { return false }
        return validTo.map { date < $0 } ?? true
    }

    static let query = """
        SELECT v.id, w.slug, v.name, v.type, v.number, v.year, v.title, v.signed, v.role, v.valid_from, v.valid_to,
            v.document, (SELECT r.type || ' ' || coalesce(r.number || '/' || r.year, r.name) FROM versions r WHERE r.id = v.repealed_by),
            v.evidence, (SELECT count(*) FROM documents s WHERE s.version = v.id),
            (SELECT d.nodes FROM documents d WHERE d.id = v.document)
        FROM versions v JOIN works w ON w.id = v.work
        """

    init(row: Row) {
        id = row[0]
        work = row[1]
        name = row[2]
        type = row[3]
        number = row[4]
        year = row[5]
        title = row[6]
        signed = (row[7] as String?).flatMap(LegalDate.init)
        role = DocumentRole(rawValue: row[8]) ?? .version
        validFrom = (row[9] as String?).flatMap(LegalDate.init)
        validTo = (row[10] as String?).flatMap(LegalDate.init)
        document = row[11]
        repealedBy = row[12]
        evidence = row[13]
        sources = row[14]
        let nodes: Int? = row[15]
        hasText = (nodes ?? 0) > 1
        neverApplied = validFrom != nil && validTo != nil && validTo! <= validFrom!
        label = DocumentSummary.label(type: type, number: number, year: year, signed: signed)
    }
}
