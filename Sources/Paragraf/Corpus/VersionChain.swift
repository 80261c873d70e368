/// The succession of a work's versions and their in-force intervals, derived from what each version says it
/// repeals ("Bekendtgørelse nr. 1658 af 22. december 2017 om tandpleje ophæves", "Følgende bekendtgørelser
/// ophæves: 1) … 2) …").
///
/// Independent of where the versions come from (the corpus manifest and texts, or a database of imported
/// documents): give each version's number, signing date, in-force date (when known) and the instruments it
/// repeals. A repealed instrument is matched to a member by number and signing date.
///
/// ```swift
/// let chain = VersionChain([
///     .init(key: "959/2022", number: "959", signed: LegalDate("2022-06-14")!, inForce: LegalDate("2022-07-01")),
///     .init(key: "706/2024", number: "706", signed: LegalDate("2024-06-11")!, inForce: LegalDate("2024-07-01"),
///           repeals: [.init(number: "959", date: LegalDate("2022-06-14")!)]),
///     .init(key: "871/2024", number: "871", signed: LegalDate("2024-06-26")!, inForce: LegalDate("2024-07-01"),
///           repeals: [.init(number: "959", date: LegalDate("2022-06-14")!), .init(number: "706", date: LegalDate("2024-06-11")!)]),
/// ])
/// chain.interval("706/2024")?.neverApplied    // true: repealed on the day it was to enter into force
/// chain.applying(on: LegalDate("2024-07-01")!)?.key   // "871/2024"
/// ```
///
/// Rules:
/// - A version applies from its in-force date; when that is unknown, from its signing date (an instrument never
///   applies before it is signed), and ``Interval/startIsSigning`` says so.
/// - It applies until the earliest start of the versions that repealed it (``Interval/end``, exclusive); with no
///   repealing version its end is open.
/// - A version whose end is on or before its start never applied (``Interval/neverApplied``).
/// - On a date, the version that applies is the one whose interval holds the date and which applied at all;
///   should two hold it (an incomplete chain), the one that started last.
public struct VersionChain: Sendable, Hashable {
    /// An instrument named by number and signing date.
    public struct InstrumentKey: Sendable, Hashable, CustomStringConvertible {
        /// "1658".
        public var number: String
        /// The signing date.
        public var date: LegalDate

        /// Creates a key.
        public init(number: String, date: LegalDate) {
            self.number = number
            self.date = date
        }

        /// "1658/2017 (2017-12-22)".
        public var description: String { "\(number)/\(date.year) (\(date))" }
    }

    /// One version as the chain sees it.
    public struct Member: Sendable, Hashable {
        /// How the caller names it ("2017", a document id).
        public var key: String
        /// Its number.
        public var number: String?
        /// Its signing date.
        public var signed: LegalDate
        /// Its in-force date, when known.
        public var inForce: LegalDate?
        /// What it says it repeals.
        public var repeals: [InstrumentKey]

        /// Creates a member.
        public init(key: String, number: String?, signed: LegalDate, inForce: LegalDate?, repeals: [InstrumentKey] = []) {
            self.key = key
            self.number = number
            self.signed = signed
            self.inForce = inForce
            self.repeals = repeals
        }

        /// Whether `instrument` names this member.
        public func isNamed(by instrument: InstrumentKey) -> Bool {
            instrument.date == signed && (number == nil || number == instrument.number)
        }
    }

    /// When a version applied.
    public struct Interval: Sendable, Hashable {
        /// The member's key.
        public var key: String
        /// The first day it applied (or was to apply).
        public var start: LegalDate
        /// True when `start` is the signing date because the in-force date is unknown.
        public var startIsSigning: Bool
        /// The first day it no longer applied; nil when no member repealed it.
        public var end: LegalDate?
        /// The keys of the members that repealed it, earliest first.
        public var repealedBy: [String]

        /// Repealed on or before the day it was to enter into force.
        public var neverApplied: Bool { end.map { $0 <= start } ?? false }

        /// Whether it applied on `date`.
        public func contains(_ date: LegalDate) -> Bool {
            !neverApplied && start <= date && end.map { date < $0 } ?? true
        }
    }

    /// The members, as given.
    public let members: [Member]
    /// One interval per member, ordered by start (then signing date).
    public let intervals: [Interval]
    /// Per member key, the keys of the members it repealed.
    public let predecessors: [String: [String]]
    /// Per member key, what it repeals that is not a member (an older instrument, or one missing from the input).
    public let unmatchedRepeals: [String: [InstrumentKey]]

    /// Derives the chain. Linear in the number of members and repeals (members are looked up by number).
    public init(_ members: [Member]) {
        self.members = members
        var byNumber: [String: [Int]] = [:]
        for (k, m) in members.enumerated() { byNumber[m.number ?? "", default: []].append(k) }
        var repealedBy = [[Int]](repeating: [], count: members.count)
        var predecessors: [String: [String]] = [:]
        var unmatched: [String: [InstrumentKey]] = [:]
        for (k, m) in members.enumerated() {
            for r in m.repeals {
                let candidates = (byNumber[r.number] ?? []) + (byNumber[""] ?? [])
                if let target = candidates.first(where: { $0 != k && members[$0].isNamed(by: r) }) {
                    repealedBy[target].append(k)
                    predecessors[m.key, default: []].append(members[target].key)
                } else {
                    unmatched[m.key, default: []].append(r)
                }
            }
        }
        func start(_ m: Member) -> LegalDate { m.inForce ?? m.signed }
        var intervals: [Interval] = []
        for (k, m) in members.enumerated() {
            let repealers = repealedBy[k].sorted { start(members[$0]) < start(members[$1]) }
            intervals.append(
                Interval(
                    key: m.key, start: start(m), startIsSigning: m.inForce == nil,
                    end: repealers.first.map { start(members[$0]) }, repealedBy: repealers.map { members[$0].key }))
        }
        let signed = Dictionary(members.map { ($0.key, $0.signed) }, uniquingKeysWith: { a, _ in a })
        intervals.sort { ($0.start, signed[$0.key]!) < ($1.start, signed[$1.key]!) }
        self.intervals = intervals
        self.predecessors = predecessors
        self.unmatchedRepeals = unmatched
    }

    /// The interval of member `key`.
    public func interval(_ key: String) -> Interval? { intervals.first { $0.key == key } }

    /// The version that applied on `date`, nil before the first or when none did.
    public func applying(on date: LegalDate) -> Interval? { intervals.last { $0.contains(date) } }

    /// The members that repealed member `key`.
    public func successors(of key: String) -> [String] { interval(key)?.repealedBy ?? [] }
}
