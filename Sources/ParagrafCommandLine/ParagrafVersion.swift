/// The version both executables print with `--version`.
public enum ParagrafVersion {
    /// "0.1.0".
    public static let current = "0.1.0"
}
