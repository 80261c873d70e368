import Foundation
import Paragraf

/// Titles compared as a reader would: lower case, whitespace collapsed, the subtitle of an amending act
/// ("\n(Ændring af …)") and a trailing period dropped.
enum TitleKey {
    static func of(_ title: String?) -> String? {
        guard let title else { return nil }
        let firstLine = title.split(separator: "\n").first.map(String.init) ?? title
        var words = Bytes.normalized(firstLine).lowercased()
        while words.hasSuffix(".") || words.hasSuffix(" ") { words.removeLast() }
        return words.isEmpty ? nil : words
    }
}
