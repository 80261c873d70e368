import CLibXML2
import Paragraf

/// Collects libxml2's errors for one parse. Used only on the parsing thread, during one call.
final class ErrorCollector {
    let source: SourceText
    var diagnostics: [Diagnostic] = []
    var entityDeclarations = 0
    /// libxml2 error codes not worth reporting (for HTML: HTML5 tags unknown to libxml2's HTML 4 parser).
    var ignoredCodes: Set<Int32> = []

    init(source: SourceText) { self.source = source }

    /// Adds a diagnostic at a 1-based line and column (column in bytes; clamped to the text).
    func add(_ diagnostic: XMLDiagnostic, line: Int, column: Int) {
        guard diagnostics.count < 200 else { return }
        let offset = source.locations.offset(line: line, column: column)
        diagnostics.raise(diagnostic, at: source.range(offset, offset))
    }
}
