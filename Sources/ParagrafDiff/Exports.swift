@_exported import Paragraf
@_exported import ParagrafReferences
