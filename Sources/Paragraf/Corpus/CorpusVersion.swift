import Foundation

/// A version of a work with its place in the work's history.
public struct CorpusVersion: Sendable, Hashable {
    /// The work it belongs to.
    public var work: WorkManifest
    /// Its manifest entry.
    public var manifest: VersionManifest
    /// Absolute path of its text file (nil for a version without text).
    public var path: String?

    /// "2003".
    public var id: String { manifest.id }

    /// The version that follows in the corpus, if any.
    public var successor: VersionManifest? {
        guard let i = work.versions.firstIndex(of: manifest), i + 1 < work.versions.count else { return nil }
        return work.versions[i + 1]
    }

    /// The versions of the work whose manifest entry says they repealed this one.
    public var repealedBy: [VersionManifest] {
        work.versions.filter { later in later.repeals.contains { manifest.isNamed(by: $0) } }
    }

    /// The day this version stopped being in force as the manifest tells it: the earliest start of a version
    /// that repealed it (its in-force date, or its signing date when that is unknown). Nil when no version of
    /// the corpus repealed it. ``WorkHistory`` derives the same from the texts and checks the two agree.
    public var endDate: LegalDate? {
        repealedBy.map { $0.inForce ?? $0.signed }.min()
    }

    /// Whether this version was in force on `date` as far as the manifest knows; `nil` when its end is unknown
    /// and `date` lies after its start.
    public func isInForce(on date: LegalDate) -> Bool? {
        if date < (manifest.inForce ?? manifest.signed) { return false }
        if let end = endDate { return date < end }
        return nil
    }
}
