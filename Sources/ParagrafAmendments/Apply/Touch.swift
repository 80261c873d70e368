import Paragraf

/// A provision an operation touched, by serial, and how.
struct Touch {
    var serial: Int
    var kind: ProvisionChange.Kind
}
