import Paragraf

/// Where an address leads in the act being amended.
enum EditPlace: Equatable {
    /// A body entry: a § or a chapter heading.
    case entry(Int)
    /// A node inside the § `serial`, by child indices.
    case node(Int, [Int])
    /// An annex in the back matter, by index.
    case annex(Int)
}
