import Paragraf

extension String {
    /// "§ 21, stk. 3, 1. pkt." → "§ 21": the first part between commas that is not empty (the whole string
    /// when there is none). Read up to the second comma at most, not split whole.
    var sectionPart: String {
        var start = startIndex
        while start < endIndex, self[start] == "," { formIndex(after: &start) }
        guard start < endIndex else { return self }
        return String(self[start..<(self[start...].firstIndex(of: ",") ?? endIndex)])
    }

    /// The string with its first letter upper-cased.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
