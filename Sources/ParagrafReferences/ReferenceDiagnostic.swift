import Paragraf

/// The reference checks' diagnostics (`R001`–`R004`): code, severity and message of each, in one place.
///
/// ```swift
/// ReferenceDiagnostic.numberGap(level: .section, number: "6", previous: "2", missing: "§ 3-5", scope: "").at(range)
/// ```
public enum ReferenceDiagnostic: DiagnosticMessage, Hashable {
    /// The level a numbering finding is about.
    public enum Level: String, Hashable, Sendable {
        /// §§, numbered through the document (R002).
        case section
        /// Stk. of a § (R003).
        case subsection
        /// Numbered items of a stk. (R004).
        case item

        /// "§ 4", "stk. 4", "nr. 4".
        func name(_ number: String) -> String {
            switch self {
            case .section: "§ \(number)"
            case .subsection: "stk. \(number)"
            case .item: "nr. \(number)"
            }
        }
    }

    /// R001: a citation target that does not exist in the version it stands in.
    case unresolved(citation: String, place: String, reason: String)
    /// R002–R004: a number that appears twice in its scope (" in § 2, stk. 1", or "" for §§).
    case duplicateNumber(level: Level, number: String, scope: String)
    /// R002–R004: a number that skips others ("§ 6 follows § 2: § 3-5 missing").
    case numberGap(level: Level, number: String, previous: String, missing: String, scope: String)

    public var code: String {
        switch self {
        case .unresolved: ReferenceDiagnosticCode.unresolved
        case .duplicateNumber(let level, _, _), .numberGap(let level, _, _, _, _):
            switch level {
            case .section: ReferenceDiagnosticCode.sectionNumbering
            case .subsection: ReferenceDiagnosticCode.subsectionNumbering
            case .item: ReferenceDiagnosticCode.itemNumbering
            }
        }
    }

    public var severity: Severity { .warning }

    public var message: String {
        switch self {
        case .unresolved(let citation, let place, let reason):
            "citation \"\(citation)\" in \(place) does not resolve: \(reason)"
        case .duplicateNumber(let level, let number, let scope):
            "\(level.name(number)) appears twice\(scope)"
        case .numberGap(let level, let number, let previous, let missing, let scope):
            "\(level.name(number)) follows \(level.name(previous))\(scope): \(missing) missing"
        }
    }
}
