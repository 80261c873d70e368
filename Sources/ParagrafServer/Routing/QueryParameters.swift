/// The parameters of a query string (`q=tand%C3%A6ge+pleje&type=BEK&type=LBK`), decoded and bounded.
struct QueryParameters: Sendable {
    private var pairs: [(String, String)] = []

    /// Reads `raw` (without the "?"): "+" is a space, percent-escapes must give UTF-8, at most
    /// ``RequestReader/maxParameters`` parameters.
    init(_ raw: Substring) throws(RequestProblem) {
        for piece in raw.split(separator: "&", omittingEmptySubsequences: true) {
            guard pairs.count < RequestReader.maxParameters else {
                throw RequestProblem(status: 400, message: "more than \(RequestReader.maxParameters) query parameters")
            }
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try PercentDecoding.decode(parts[0], plusIsSpace: true)
            let value = parts.count > 1 ? try PercentDecoding.decode(parts[1], plusIsSpace: true) : ""
            try PercentDecoding.checkPrintable(name, what: "a parameter name")
            try PercentDecoding.checkPrintable(value, what: "parameter \"\(RequestReader.printable(name))\"")
            pairs.append((name, value))
        }
    }

    /// The value of `name`; an error when it is given twice with different values.
    func single(_ name: String) throws(RequestProblem) -> String? {
        let values = all(name)
        guard let first = values.first else { return nil }
        if values.contains(where: { $0 != first }) {
            throw RequestProblem(status: 400, message: "parameter \"\(name)\" is given \(values.count) times; give it once")
        }
        return first
    }

    /// Every value of `name`, in order.
    func all(_ name: String) -> [String] { pairs.filter { $0.0 == name }.map(\.1) }

    /// Whether flag `name` is on: present with no value, "1", "true", "yes" or "on".
    func flag(_ name: String) throws(RequestProblem) -> Bool {
        guard let value = try single(name) else { return false }
        switch value.lowercased() {
        case "", "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default:
            throw RequestProblem(
                status: 400, message: "parameter \"\(name)\" is a flag (1 or 0), not \"\(RequestReader.printable(value))\"")
        }
    }
}
