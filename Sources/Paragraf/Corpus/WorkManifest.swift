/// The manifest of one work in the corpus: its title, its versions in order and the orders that amended them.
///
/// Stored as `corpus/<work>/manifest.json`; see the README for the schema. Schema 1 (one `repeals` object, no
/// `kind`) still reads.
public struct WorkManifest: Codable, Hashable, Sendable {
    /// The manifest schema version (2; 1 still reads).
    public var schemaVersion: Int
    /// Short id of the work ("tandpleje").
    public var id: String
    /// The work's title ("Bekendtgørelse om tandpleje").
    public var title: String
    /// The versions, ordered by signing date.
    public var versions: [VersionManifest]
    /// Orders that amended a version in place (ændringsbekendtgørelser), when the manifest lists any.
    public var amendingOrders: [AmendingOrderManifest]?
}

/// What a manifest entry is.
public enum VersionKind: String, Codable, Hashable, Sendable {
    /// A version whose text the corpus holds.
    case version
    /// A version known from its metadata whose text the corpus does not hold.
    case withoutText
    /// An order that amended a version in place (listed under ``WorkManifest/amendingOrders``).
    case amendingOrder
}

/// A file of the corpus with its checksum: a version's text or a dataset record beside it.
public struct SourceFile: Codable, Hashable, Sendable {
    /// The file, relative to the manifest.
    public var file: String
    /// The SHA-256 of its bytes, checked when it is read.
    public var sha256: String
    /// Where it came from.
    public var source: String?
}

/// One version of a work as the manifest lists it.
public struct VersionManifest: Codable, Hashable, Sendable {
    /// Short id used on the command line ("2003", "2024-871"); see the README for the rule.
    public var id: String
    /// A version with text, or one known without it.
    public var kind: VersionKind
    /// The instrument's type abbreviation ("BEK").
    public var documentType: String
    /// Its number in Lovtidende ("1073").
    public var number: String?
    /// Date of signing.
    public var signed: LegalDate
    /// Date it entered into force, when known (the text says so; unknown for versions without text).
    public var inForce: LegalDate?
    /// The instruments it repealed, as the manifest states them (checked against the text, when there is one).
    public var repeals: [RepealedInstrument]
    /// "amt" (counties, to 2006) or "region" (from 2007).
    public var era: String
    /// The text file, relative to the manifest; nil for a version without text.
    public var file: String?
    /// The SHA-256 of the text file, checked when the version is loaded.
    public var sha256: String?
    /// Where the text came from.
    public var source: String?
    /// The ELI (`https://www.retsinformation.dk/eli/lta/2017/1658`).
    public var eli: String?
    /// Retsinformation's accession number ("B20171658005").
    public var accessionNumber: String?
    /// The dataset record beside the text (a second source, or the metadata of a version without text).
    public var record: SourceFile?

    /// Whether the corpus holds the version's text.
    public var hasText: Bool { file != nil }

    /// "1658/2017", the way a version is also named.
    public var numberAndYear: String? { number.map { "\($0)/\(signed.year)" } }

    /// "BEK nr. 1658 af 22. december 2017" (or "BEK af 22. december 2017" without a number).
    public var citation: String {
        "\(documentType)\(number.map { " nr. \($0)" } ?? "") af \(signed.danish)"
    }

    /// Whether `instrument` names this version (same number and signing date).
    public func isNamed(by instrument: RepealedInstrument) -> Bool {
        instrument.date == signed && (number == nil || instrument.number == number)
    }

    /// Creates an entry.
    public init(
        id: String, kind: VersionKind = .version, documentType: String, number: String? = nil, signed: LegalDate,
        inForce: LegalDate? = nil, repeals: [RepealedInstrument] = [], era: String, file: String? = nil,
        sha256: String? = nil, source: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.documentType = documentType
        self.number = number
        self.signed = signed
        self.inForce = inForce
        self.repeals = repeals
        self.era = era
        self.file = file
        self.sha256 = sha256
        self.source = source
    }

    private enum CodingKeys: String, CodingKey {
        case id, kind, documentType, number, signed, inForce, repeals, era, file, sha256, source, eli, accessionNumber,
            record
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        file = try c.decodeIfPresent(String.self, forKey: .file)
        kind = try c.decodeIfPresent(VersionKind.self, forKey: .kind) ?? (file == nil ? .withoutText : .version)
        documentType = try c.decode(String.self, forKey: .documentType)
        number = try c.decodeIfPresent(String.self, forKey: .number)
        signed = try c.decode(LegalDate.self, forKey: .signed)
        inForce = try c.decodeIfPresent(LegalDate.self, forKey: .inForce)
        // Schema 1 has one object (or null), schema 2 a list.
        if let list = try? c.decodeIfPresent([RepealedInstrument].self, forKey: .repeals) {
            repeals = list
        } else {
            repeals = try c.decodeIfPresent(RepealedInstrument.self, forKey: .repeals).map { [$0] } ?? []
        }
        era = try c.decode(String.self, forKey: .era)
        sha256 = try c.decodeIfPresent(String.self, forKey: .sha256)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        eli = try c.decodeIfPresent(String.self, forKey: .eli)
        accessionNumber = try c.decodeIfPresent(String.self, forKey: .accessionNumber)
        record = try c.decodeIfPresent(SourceFile.self, forKey: .record)
        if file != nil && sha256 == nil {
            throw DecodingError.dataCorruptedError(
                forKey: .sha256, in: c, debugDescription: "version \(id) names a file but no sha256")
        }
    }
}

/// An order that amended a version in place (an ændringsbekendtgørelse). The corpus keeps its record; the
/// dataset holds at most fragments of its text, so the versions it amended are shown as issued.
public struct AmendingOrderManifest: Codable, Hashable, Sendable {
    /// "2012-1344".
    public var id: String
    /// Always ``VersionKind/amendingOrder``.
    public var kind: VersionKind
    /// "BEK".
    public var documentType: String
    /// "1344".
    public var number: String
    /// Date of signing.
    public var signed: LegalDate
    /// The version it amended.
    public var amends: RepealedInstrument
    /// The ELI.
    public var eli: String?
    /// Retsinformation's accession number.
    public var accessionNumber: String?
    /// The dataset record.
    public var record: SourceFile?

    /// "BEK nr. 1344 af 18. december 2012".
    public var citation: String { "\(documentType) nr. \(number) af \(signed.danish)" }
}

/// An instrument named by type, number and date: "BEK nr. 205 af 22. marts 2001" (a repealed or amended one).
public struct RepealedInstrument: Codable, Hashable, Sendable {
    /// Type abbreviation ("BEK").
    public var documentType: String
    /// Number.
    public var number: String
    /// Date of the instrument (its signing).
    public var date: LegalDate

    /// Creates a reference.
    public init(documentType: String, number: String, date: LegalDate) {
        self.documentType = documentType
        self.number = number
        self.date = date
    }

    /// "BEK nr. 205 af 22. marts 2001".
    public var description: String { "\(documentType) nr. \(number) af \(date.danish)" }
}
