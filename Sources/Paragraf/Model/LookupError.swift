/// Why an address names no node, with what does exist nearby ("§ 17 har stk. 1-5").
public struct LookupError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The address that was looked up.
    public var address: Address
    /// What exists instead, in Danish citation style.
    public var existing: String

    public var description: String { "\(address) findes ikke: \(existing)" }
}
