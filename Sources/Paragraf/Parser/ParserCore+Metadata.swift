import Foundation

/// Metadata: the signature line ("…ministeriet, den 30. juni 2020 …") and what the document says about
/// itself once the tree is built (``MetadataExtractor``).
extension ParserCore {
    /// Reads the signature line ("<Ministeriet>, den 11. december 2003 <signers>") at `p`.
    mutating func trySignature(at p: Int, lineEnd: Int) -> Int? {
        guard owner != .front, signatureStart == nil else { return nil }
        // "<Ministeriet>, den 11. december 2003 <signers>"
        // memchr for the commas: this runs at the start of every line that opens no heading.
        var denAt = -1
        let last = min(lineEnd - 6, p + 199)
        var k = Bytes.next(0x2C, in: b, from: p, to: last + 1)
        while k <= last {
            if Bytes.matches(b, k, lineEnd, ", den ") {
                denAt = k
                break
            }
            k = Bytes.next(0x2C, in: b, from: k + 1, to: last + 1)
        }
        guard denAt > p else { return nil }
        // Byte search on Latin-lowercased bytes: Foundation's `contains` here cost 1.7 % of the parse.
        let prefixText = Bytes.normalized(b, p, denAt)
        let prefix = MetadataExtractor.lowercasedLatin(Array(prefixText.utf8))
        guard
            ["minister", "styrelse", "departement"].contains(where: {
                MetadataExtractor.firstIndex(of: Array($0.utf8), in: prefix, from: 0) != nil
            })
        else { return nil }
        guard prefixText.count < 120 else { return nil }
        // The date may wrap onto the next lines ("den 11. ⏎⏎ december 2003").
        let dateText = Bytes.normalized(b, denAt + 6, min(n, denAt + 80))
        guard DanishDates.firstDate(in: dateText) != nil else { return nil }
        guard endsSentence(before: p) else { return nil }
        flushText(upTo: p)
        closeAll()
        signatureStart = p
        owner = .signature
        textStart = p
        // "… Lars Løkke Rasmussen /Ulla Kallestrup Bilag 1 Regler …": an annex on the same line.
        let searchEnd = min(n, denAt + 400)
        var j = denAt + 6
        while j + 6 < searchEnd {
            if b[j] == 0x42 && Bytes.matches(b, j, searchEnd, "Bilag") && Bytes.isSpace(b, j - 1) {
                var annexLineEnd = j
                while annexLineEnd < n && b[annexLineEnd] != 0x0A { annexLineEnd += 1 }
                if let r = tryAnnex(at: j, lineEnd: annexLineEnd, requireContext: false) { return r }
            }
            j += 1
        }
        consumedUntil = lineEnd
        return lineEnd
    }

    /// The document's metadata, read from the finished tree and the sentences that may hold keywords; notes
    /// (P011) when a document with structure has no title or no signature.
    mutating func metadata(of root: Node) -> Metadata {
        var metadata = MetadataExtractor.extract(root: root, sentences: keywordSentences)
        if metadata.title == nil && sawStructure {
            diagnostics.raise(.noTitle, at: source.range(0, 0))
        }
        if metadata.signingDate == nil && sawStructure {
            diagnostics.raise(.noSignature, at: source.range(n, n))
        }
        metadata.signers = metadata.signers.filter { !$0.isEmpty }
        return metadata
    }
}
