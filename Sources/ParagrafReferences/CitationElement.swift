struct CitationElement {
    var targets: [CitationTarget] = []
    var ranges: [CitationRange] = []
    /// The deepest level written in the element.
    var level: CitationLevel = .section
}
