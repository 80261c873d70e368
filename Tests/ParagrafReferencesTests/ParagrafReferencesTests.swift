import Testing
@testable import ParagrafReferences
