import ParagrafStore

extension StoreError {
    /// The exit status of the command line: 64 for a request that cannot be read, else 1.
    public var exitCode: Int32 {
        if case .badRequest = self { return 64 }
        return 1
    }
}
