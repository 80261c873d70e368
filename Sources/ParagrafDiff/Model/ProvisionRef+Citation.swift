import Paragraf

extension ProvisionRef {
    /// "§ 17, stk. 3", "kapitel 4", "bilag 1, afsnit 3".
    static func citation(of node: Node) -> String { citation(kind: node.kind, id: node.id, number: node.number) }

    /// The citation of a node given its kind, id and number: for §§ and their parts, the description of the
    /// ``Address`` its id stands for.
    static func citation(kind: NodeKind, id: NodeID, number: String?) -> String {
        switch kind {
        case .chapter: return "kapitel \(number ?? "")"
        case .annex: return "bilag \(number ?? "")"
        case .block:
            let annex = if case .annex(let n) = id.topLevel.last.step { n } else { "" }
            return "bilag \(annex), afsnit \(number ?? "")"
        default:
            return Address(id: id)?.description ?? id.description
        }
    }
}
