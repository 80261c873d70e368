import ArgumentParser
import Foundation
import Paragraf
import ParagrafCommandLine
import ParagrafStore
import ParagrafXML

/// How input bytes become a document: the format-detecting reader (LexDania XML, HTML or plain text).
enum InputReader {
    static func parse(_ bytes: [UInt8], sourceName: String) -> ParsedDocument {
        DocumentReader.read(bytes, sourceName: sourceName)
    }
}
