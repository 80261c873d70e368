import GRDB

/// The database schema, versioned with GRDB's migrator. Documented in the DocC article "The database schema".
///
/// Each migration is a step that never changes once released; a database made by a newer Paragraf (with
/// migrations this one does not know) is refused rather than misread.
enum StoreSchema {
    /// `PRAGMA application_id` of a Paragraf database ("PaRg"), so that another SQLite file is recognised as such.
    static let applicationID: Int32 = 0x5061_5267

    /// The migrations, oldest first.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in try createVersion1(db) }
        return migrator
    }

    private static func createVersion1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

                -- One row per imported source document.
                CREATE TABLE documents(
                    id INTEGER PRIMARY KEY,
                    key TEXT NOT NULL UNIQUE,
                    sha256 TEXT NOT NULL,
                    source TEXT NOT NULL,
                    format TEXT NOT NULL,
                    type TEXT NOT NULL,
                    rtype TEXT,
                    role TEXT NOT NULL,
                    number TEXT,
                    year INTEGER,
                    title TEXT,
                    signed TEXT,
                    in_force TEXT,
                    eli TEXT,
                    accession TEXT,
                    dataset_id TEXT,
                    partial INTEGER NOT NULL,
                    bytes INTEGER NOT NULL,
                    nodes INTEGER NOT NULL,
                    warnings INTEGER NOT NULL,
                    metadata BLOB NOT NULL,
                    diagnostics BLOB,
                    lines BLOB NOT NULL,
                    amends BLOB,
                    repeals TEXT,
                    basis_act TEXT,
                    manifest_work TEXT,
                    manifest_version TEXT,
                    imported TEXT NOT NULL,
                    version INTEGER
                );
                CREATE INDEX documents_sha256 ON documents(sha256);
                CREATE INDEX documents_number ON documents(type, year, number);
                CREATE INDEX documents_version ON documents(version);

                -- Inputs that could not be imported, with the reason.
                CREATE TABLE failures(
                    source TEXT PRIMARY KEY,
                    sha256 TEXT,
                    bytes INTEGER NOT NULL,
                    reason TEXT NOT NULL,
                    imported TEXT NOT NULL
                ) WITHOUT ROWID;

                -- Works and their versions, derived from the documents by the linker (rebuilt on every link).
                CREATE TABLE works(
                    id INTEGER PRIMARY KEY,
                    slug TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    act_key TEXT
                );
                CREATE INDEX works_act ON works(act_key);
                CREATE TABLE versions(
                    id INTEGER PRIMARY KEY,
                    work INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    type TEXT NOT NULL,
                    number TEXT,
                    year INTEGER,
                    signed TEXT,
                    title TEXT,
                    role TEXT NOT NULL,
                    valid_from TEXT,
                    valid_to TEXT,
                    document INTEGER,
                    repealed_by INTEGER,
                    evidence TEXT NOT NULL
                );
                CREATE INDEX versions_work ON versions(work);
                CREATE INDEX versions_number ON versions(type, year, number);
                CREATE INDEX versions_document ON versions(document);

                -- The node table: one row per node of every document, depth first. id = document << 24 | ordinal.
                CREATE TABLE nodes(
                    id INTEGER PRIMARY KEY,
                    parent INTEGER,
                    last INTEGER NOT NULL,
                    kind INTEGER NOT NULL,
                    path TEXT NOT NULL,
                    number TEXT,
                    label TEXT,
                    title TEXT,
                    text TEXT,
                    start INTEGER NOT NULL,
                    end INTEGER NOT NULL,
                    label_start INTEGER,
                    label_end INTEGER,
                    title_start INTEGER,
                    title_end INTEGER,
                    repealed INTEGER
                );

                -- Full text of the provisions (one row per §, preamble, annex block or unplaced text; rowid =
                -- the node's id). Contentless: the text is in nodes; what is indexed is its folded form.
                CREATE VIRTUAL TABLE search USING fts5(body, content='', tokenize='unicode61 remove_diacritics 0');

                -- Citations: one row per target. A citation with several targets has several rows with the same
                -- (document, citation). id = document << 24 | row: a document's citations are one range of ids.
                CREATE TABLE citations(
                    id INTEGER PRIMARY KEY,
                    document INTEGER NOT NULL,
                    node INTEGER NOT NULL,
                    citation INTEGER NOT NULL,
                    start INTEGER NOT NULL,
                    end INTEGER NOT NULL,
                    lead INTEGER NOT NULL,
                    kind INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    act TEXT,
                    instrument TEXT,
                    address TEXT,
                    status INTEGER NOT NULL,
                    reason TEXT,
                    target INTEGER,
                    target_work INTEGER,
                    target_version INTEGER
                );
                CREATE INDEX citations_target ON citations(target) WHERE target IS NOT NULL;
                CREATE INDEX citations_work ON citations(target_work, address) WHERE target_work IS NOT NULL;
                """)
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
    }
}
