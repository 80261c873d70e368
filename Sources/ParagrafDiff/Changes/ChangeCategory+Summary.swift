extension ChangeCategory {
    /// The key of the category's count in ``DiffSummary/changes`` ("amounts").
    var summaryKey: String {
        switch self {
        case .amount: "amounts"
        case .term: "terms"
        case .duty: "duties"
        case .citation: "citations"
        case .wording: "wording"
        }
    }
}
