import ArgumentParser
import Foundation
import Paragraf
import ParagrafCommandLine
import ParagrafStore
import ParagrafXML

/// What the one-version commands know of what they read: a corpus version, or a file.
struct LoadedVersion {
    /// The version id ("2003"), or the file name as given.
    var id: String
    /// The corpus version, nil for a file.
    var version: CorpusVersion?
    /// The document read.
    var document: Document

    /// The work's title, else the document's, else the name.
    var title: String { version?.work.title ?? document.metadata.title ?? id }
    /// The file to name in findings: the corpus file, or the file given.
    var path: String { version?.path ?? id }
    /// "BEK, underskrevet 2003-12-11, i kraft 2004-01-01" from the manifest, else from the document.
    var dates: String {
        let type = version?.manifest.documentType ?? document.metadata.documentType.abbreviation
        let signed = (version?.manifest.signed ?? document.metadata.signingDate).map { "\($0)" } ?? "?"
        let inForce = (version?.manifest.inForce ?? document.metadata.inForceDate).map { "\($0)" } ?? "?"
        return "\(type), underskrevet \(signed), i kraft \(inForce)"
    }
}
