import Testing
@testable import ParagrafDiff
