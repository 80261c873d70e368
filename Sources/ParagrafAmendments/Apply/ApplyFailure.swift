import Paragraf

/// Why an operation could not be applied: a code, a message with both texts, and the texts themselves.
struct ApplyFailure: Error {
    var code: AmendmentDiagnosticCode
    var message: String
    var expected: String?
    var found: String?
}
