/// What a regulation says about itself: title, type, legal basis, ministry, dates, signers, repeal.
public struct Metadata: Codable, Hashable, Sendable {
    /// The title ("Bekendtgørelse om tandpleje").
    public var title: String?
    /// The instrument type, from the title.
    public var documentType: DocumentType
    /// The legal-basis text of the preamble ("I medfør af … fastsættes:").
    public var legalBasis: String?
    /// The act named as legal basis ("lov om tandpleje m.v.", "sundhedsloven").
    public var legalBasisAct: String?
    /// The signing ministry.
    public var ministry: String?
    /// The date of signing.
    public var signingDate: LegalDate?
    /// The signers, minister first.
    public var signers: [String]
    /// The in-force date from the "træder i kraft" provision.
    public var inForceDate: LegalDate?
    /// The instruments it repeals ("… ophæves").
    public var repeals: [InstrumentReference]

    // Optional fields a richer source (LexDania XML) states; nil for plain text. Kept optional so the
    // synthesized Codable omits them when absent and older JSON still decodes.

    /// The number in Lovtidende ("1709"), when the source states it.
    public var number: String? = nil
    /// The year of the number ("2024").
    public var year: Int? = nil
    /// Retsinformation's accession number ("B20240170905").
    public var accessionNumber: String? = nil
    /// Retsinformation's status ("Valid", "Historic").
    public var status: String? = nil
    /// The ELI URI (`https://www.retsinformation.dk/eli/lta/{year}/{number}`).
    public var eli: String? = nil
    /// The last day the version applied (Retsinformation's `EndDate`).
    public var endDate: LegalDate? = nil
    /// Notes (footnotes, amending acts' in-force provisions) the source keeps beside the text.
    public var notes: [DocumentNote]? = nil

    /// Creates metadata.
    public init(
        title: String? = nil, documentType: DocumentType = .unknown, legalBasis: String? = nil,
        legalBasisAct: String? = nil, ministry: String? = nil, signingDate: LegalDate? = nil,
        signers: [String] = [], inForceDate: LegalDate? = nil, repeals: [InstrumentReference] = []
    ) {
        self.title = title
        self.documentType = documentType
        self.legalBasis = legalBasis
        self.legalBasisAct = legalBasisAct
        self.ministry = ministry
        self.signingDate = signingDate
        self.signers = signers
        self.inForceDate = inForceDate
        self.repeals = repeals
    }
}
