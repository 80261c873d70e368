import Paragraf

/// The stable URLs of the site's pages, as ``RequestReader`` reads them back. Every part is percent-encoded; a
/// version named by number and year ("1077/2020") is written "1077-2020".
public enum SiteURLs {
    /// `/works/{work}`.
    public static func work(_ work: String) -> String { "/works/" + segment(work) }

    /// `/works/{work}/{version}`.
    public static func version(_ work: String, _ version: String) -> String {
        self.work(work) + "/" + versionSegment(version)
    }

    /// `/works/{work}/{version}/{node id}`.
    public static func provision(_ work: String, _ version: String, _ path: String) -> String {
        self.version(work, version) + "/" + pathSegments(path)
    }

    /// `/works/{work}/at/{date}/{node id}`.
    public static func provision(_ work: String, at date: LegalDate, _ path: String) -> String {
        self.work(work) + "/at/\(date)/" + pathSegments(path)
    }

    /// `/works/{work}/compare/{old}/{new}`.
    public static func compare(_ work: String, _ old: String, _ new: String) -> String {
        self.work(work) + "/compare/" + versionSegment(old) + "/" + versionSegment(new)
    }

    /// `/search?q=…` with the filters that differ from the defaults.
    public static func search(_ request: SearchRequest) -> String {
        var parameters = [("q", request.query)]
        if let date = request.date { parameters.append(("at", date.description)) }
        if request.allVersions { parameters.append(("all", "1")) }
        for type in request.types { parameters.append(("type", type)) }
        if let work = request.work { parameters.append(("work", work)) }
        if request.limit != 20 { parameters.append(("limit", String(request.limit))) }
        return "/search?" + parameters.map { "\($0.0)=\(component($0.1))" }.joined(separator: "&")
    }

    /// A version's name as a path segment: "1077/2020" → "1077-2020".
    public static func versionSegment(_ name: String) -> String {
        segment(name.replacingSlashes())
    }

    /// The version names a segment may stand for: as written, then "1077-2020" read as "1077/2020".
    public static func versionNames(_ segment: String) -> [String] {
        guard let dash = segment.lastIndex(of: "-") else { return [segment] }
        let number = segment[..<dash]
        let year = segment[segment.index(after: dash)...]
        guard !number.isEmpty, year.count == 4, year.allSatisfy(\.isNumber) else { return [segment] }
        return [segment, number + "/" + year]
    }

    /// A node id's steps as path segments ("p17/stk3" stays so; each step encoded).
    static func pathSegments(_ path: String) -> String {
        path.split(separator: "/").map { segment(String($0)) }.joined(separator: "/")
    }

    /// `text` percent-encoded for a path segment: unreserved ASCII stays, everything else is escaped.
    public static func segment(_ text: String) -> String { encode(text, keep: "-._~") }

    /// `text` percent-encoded for a query value.
    public static func component(_ text: String) -> String { encode(text, keep: "-._~") }

    private static func encode(_ text: String, keep: String) -> String {
        var out = ""
        let hex = Array("0123456789ABCDEF")
        for byte in text.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || keep.contains(c) {
                out.append(c)
            } else {
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}

extension String {
    fileprivate func replacingSlashes() -> String {
        String(map { $0 == "/" ? "-" : $0 })
    }
}
