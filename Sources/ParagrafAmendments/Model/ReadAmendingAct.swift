import Paragraf

/// An amending act and the source its ranges index.
public struct ReadAmendingAct: Sendable {
    /// The act.
    public var act: AmendingAct
    /// The source text (for XML, the XML bytes).
    public var source: SourceText

    /// Creates a read act.
    public init(act: AmendingAct, source: SourceText) {
        self.act = act
        self.source = source
    }
}
