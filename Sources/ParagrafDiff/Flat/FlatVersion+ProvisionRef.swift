import Paragraf

extension FlatVersion {
    /// The citation of `node` ("§ 17, stk. 3"), computed once.
    func citation(_ node: Int) -> String {
        if let c = citations[node] { return c }
        let c = ProvisionRef.citation(kind: nodes[node].kind, id: nodes[node].id, number: nodes[node].number)
        citations[node] = c
        return c
    }

    /// `Address(id: id)?.description`. For the id of a § or stk. of this version it is read from the node's
    /// citation (``ProvisionRef/citation(kind:id:number:)`` is that description for these kinds, or the id
    /// when it names no address), worked out once per node and mostly already asked by the alignment.
    func addressDescription(_ id: NodeID) -> String? {
        if let n = node(id), nodes[n].kind == .section || nodes[n].kind == .subsection {
            let c = citation(n)
            // The id itself: no address (a description starts with "§").
            return c == id.description ? Address(id: id)?.description : c
        }
        return Address(id: id)?.description
    }

    /// The reference the diff gives node `node`: id, citation, chapter, caption and range.
    func ref(_ node: Int) -> ProvisionRef {
        // Captions orient readers in tables of chapters and §§; finer levels are shown with their text.
        let kind = nodes[node].kind
        let captioned: Bool
        switch kind {
        case .chapter, .section, .annex, .part, .preamble: captioned = true
        default: captioned = false
        }
        return ProvisionRef(
            id: nodes[node].id, citation: citation(node), kind: kind, chapter: chapterID(node),
            caption: captioned ? caption(node) : "", range: location(of: nodes[node].range))
    }

    /// A chapter's title, or the first eight words of a provision (split at spaces; " …" when there are
    /// more), computed once.
    func caption(_ node: Int) -> String {
        if let title = nodes[node].title { return title }
        if let known = captions[node] { return known }
        // Only the first leaves are read: a caption must not cost the size of the provision.
        // Room for eight words of a usual length, so that the buffer is not regrown byte by byte.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(96)
        var words = 0
        var i = node
        let end = Int(nodes[node].end)
        leaves: while i < end {
            defer { i += 1 }
            guard let text = nodes[i].text else { continue }
            var inWord = false
            for c in text.utf8 {
                if c == 0x20 {
                    inWord = false
                    continue
                }
                if !inWord {
                    inWord = true
                    words += 1
                    if words > 8 { break leaves }
                    if words > 1 { bytes.append(0x20) }
                }
                bytes.append(c)
            }
        }
        if words > 8 { bytes += " …".utf8 }
        let caption = String(decoding: bytes, as: UTF8.self)
        captions[node] = caption
        return caption
    }
}
