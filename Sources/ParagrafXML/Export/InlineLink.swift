import Foundation
import Paragraf

/// A link to put on part of a leaf's text: a citation and where it points.
public struct InlineLink: Sendable, Hashable {
    /// The linked bytes of the leaf's `text` (UTF-8 offsets).
    public var utf8Range: Range<Int>
    /// The target: `#eId` inside the document or the URI of another act.
    public var href: String

    /// Creates a link.
    public init(utf8Range: Range<Int>, href: String) {
        self.utf8Range = utf8Range
        self.href = href
    }

    /// `text` escaped for XML/HTML, with each link's bytes wrapped in `<element href="…">`; overlapping or
    /// out-of-range links are skipped.
    static func markUp(_ text: String, links: [InlineLink], element: String) -> String {
        let sorted = links.sorted { $0.utf8Range.lowerBound < $1.utf8Range.lowerBound }
        guard !sorted.isEmpty else { return XMLWriter.escape(text) }
        let bytes = Array(text.utf8)
        var out = ""
        var at = 0
        for link in sorted {
            let r = link.utf8Range
            guard r.lowerBound >= at, r.upperBound <= bytes.count, !r.isEmpty else { continue }
            out += XMLWriter.escape(String(decoding: bytes[at..<r.lowerBound], as: UTF8.self))
            out +=
                "<\(element) href=\"\(XMLWriter.escape(link.href, attribute: true))\">"
                + XMLWriter.escape(String(decoding: bytes[r], as: UTF8.self)) + "</\(element)>"
            at = r.upperBound
        }
        return out + XMLWriter.escape(String(decoding: bytes[at...], as: UTF8.self))
    }
}
