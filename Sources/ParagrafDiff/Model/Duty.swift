import Paragraf

/// Who must or may act in a provision, as read from its sentences ("Amtsrådet skal …").
public struct Duty: Codable, Hashable, Sendable {
    /// The duty-bearer as written ("Amtsrådet", "Kommunalbestyrelsen").
    public var actor: String
    /// The modality.
    public var modality: Modality
    /// The verb that follows the modal ("tilbyde"), or the verb itself for a statement ("yder").
    public var verb: String
}
