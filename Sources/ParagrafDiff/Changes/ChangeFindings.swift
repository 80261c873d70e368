/// What the detectors of a diff report, each into its own list.
struct ChangeFindings {
    var amounts: [AmountChange] = []
    var terms: [TermSubstitution] = []
    var citations: [CitationChange] = []
    var duties: [DutyChange] = []
}
