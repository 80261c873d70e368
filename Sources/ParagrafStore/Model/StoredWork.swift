import GRDB
import Paragraf

/// A work: a regulation or act through its versions.
public struct StoredWork: Codable, Hashable, Sendable {
    /// The work's id, used by the commands and in URLs ("tandpleje", "sundhedsloven").
    public var id: String
    /// The title of its latest version.
    public var title: String
    /// "regulation" (bekendtgørelser), "act" (an act and its consolidations), or the role of a lone amending
    /// instrument whose target is not in the corpus ("amendment", "commencement", "repeal").
    public var kind: String
    /// The key citations name the act by ("sundhedsloven"), for acts.
    public var actKey: String?
    /// Its versions (amendments not counted).
    public var versions: Int
    /// Versions whose text is in the corpus.
    public var versionsWithText: Int
    /// Amending (and commencement, repealing) instruments attached to it.
    public var amendments: Int
    /// The start of its first version.
    public var from: LegalDate?
    /// The label of its latest version ("BEK 1444/2025").
    public var latest: String?
    /// Whether its latest version applies today as far as the corpus knows (no end).
    public var inForce: Bool

    static let query = """
        SELECT w.id, w.slug, w.title, w.kind, w.act_key,
            (SELECT count(*) FROM versions v WHERE v.work = w.id AND v.role = 'version'),
            (SELECT count(*) FROM versions v JOIN documents d ON d.id = v.document WHERE v.work = w.id AND v.role = 'version' AND d.nodes > 1),
            (SELECT count(*) FROM versions v WHERE v.work = w.id AND v.role <> 'version'),
            (SELECT min(v.valid_from) FROM versions v WHERE v.work = w.id),
            (SELECT v.type || ' ' || coalesce(v.number || '/' || v.year, v.name) || '|' || coalesce(v.valid_to, '') FROM versions v
                WHERE v.work = w.id ORDER BY v.role = 'version' DESC, v.valid_from DESC, v.id DESC LIMIT 1)
        FROM works w
        """

    init(row: Row) {
        id = row[1]
        title = row[2]
        kind = row[3]
        actKey = row[4]
        versions = row[5]
        versionsWithText = row[6]
        amendments = row[7]
        from = (row[8] as String?).flatMap(LegalDate.init)
        let latest: String? = row[9]
        let parts = latest?.split(separator: "|", omittingEmptySubsequences: false)
        self.latest = parts.map { String($0[0]) }
        inForce = parts.map { $0.count > 1 && $0[1].isEmpty } ?? false
    }
}
