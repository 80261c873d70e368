import Foundation
import Paragraf

/// What the preparing thread hands to the writer: a document ready to write, an input already there, a failure,
/// or an error that ends the import.
enum PreparedItem: Sendable {
    case prepared(PreparedDocument)
    case unchanged(source: String)
    case failed(ImportFailure)
    case error(StoreError)
}
