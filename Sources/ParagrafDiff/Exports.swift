@_exported import Paragraf
