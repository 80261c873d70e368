import Paragraf

/// Finds the changes of one ``ChangeCategory`` among the compared pairs of a diff.
///
/// ``ChangeClassifier`` runs its ``ChangeClassifier/detectors`` in list order. A detector claims the hunks that
/// are its changes (``ComparedPair/claim(_:as:)``); a hunk an earlier detector claimed is no longer offered, so
/// the list order decides which category wins a change that fits several (an amount inside a repeated
/// replacement is an amount, not a term). Hunks no detector claims are ``ChangeCategory/wording``.
///
/// ## Adding a category
///
/// 1. Add a case to ``ChangeCategory`` (public: reports show each change's category) and give it its key in
///    the summary's counts (``ChangeCategory/summaryKey``; the compiler asks for it).
/// 2. Write one type conforming to `ChangeDetector`, in a file named after it: read `pairs`, claim the hunks
///    with ``ComparedPair/claim(_:as:)`` (skip those whose ``ComparedPair/category(_:)`` is set), put what it
///    reports into `findings`, and return how many changes it reports.
/// 3. Add it to ``ChangeClassifier/detectors`` at the place its precedence calls for.
///
/// A category that reports findings of its own (beyond the category of its hunks) also needs a list in
/// ``ChangeFindings`` and ``DocumentDiff``, and the report formatters' wording for it.
protocol ChangeDetector {
    /// The category of the hunks it claims.
    var category: ChangeCategory { get }

    /// Claims the hunks of `pairs` that are its changes (among those not claimed yet) and adds what it
    /// reports to `findings`; returns the number of changes it reports, the summary's count for ``category``.
    func detect(in pairs: ComparedPairs, into findings: inout ChangeFindings) -> Int
}
