import Foundation
import Paragraf

/// One key of a unit's bag and how many of the unit's tokens have it. (A struct of this module rather
/// than a tuple: an array of it finds its type metadata without a runtime lookup.)
struct BagEntry: Equatable {
    var key: Int
    var count: Int
}
