import Paragraf

extension String {
    /// "§ 21, stk. 3, 1. pkt." → "§ 21".
    var sectionPart: String { String(split(separator: ",").first ?? Substring(self)) }

    /// The string with its first letter upper-cased.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
