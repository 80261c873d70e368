import Foundation
import Paragraf

/// What an amending instrument says it amends: the acts and instruments named in its "I lov om …, jf.
/// lovbekendtgørelse nr. … , foretages følgende ændringer" sentences, and the titles its own title names.
struct AmendTargets: Codable, Hashable, Sendable {
    /// Act keys ("sundhedsloven").
    var acts: [String] = []
    /// Instruments, encoded as ``InstrumentKey/encoded``.
    var instruments: [String] = []
    /// Titles named after "om ændring af" ("bekendtgørelse om tandpleje"), lower case.
    var titles: [String] = []

    var isEmpty: Bool { acts.isEmpty && instruments.isEmpty && titles.isEmpty }
}
