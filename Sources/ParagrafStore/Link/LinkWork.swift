import Foundation
import Paragraf

/// A work being built.
struct LinkWork {
    var versions: [Int]
    var slug = ""
    var title = ""
    var kind = "regulation"
    var actKey: String?
}
