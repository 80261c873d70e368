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
