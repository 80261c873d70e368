import Testing
@testable import ParagrafXML
