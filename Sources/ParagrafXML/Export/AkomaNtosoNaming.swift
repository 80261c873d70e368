import Foundation
import Paragraf

/// How a node is named in Akoma Ntoso: `chp_4__sec_17__subsec_3__point_2`.
public enum AkomaNtosoNaming {
    /// The eId component of a node kind and number ("sec_17", "point_a"), nil for kinds without one.
    public static func component(_ node: Node) -> String? {
        // The number without spaces and full stops ("14 a" → "14a"), built on its bytes: a Foundation
        // replacement per node cost more than the rest of the export.
        var number = node.number ?? ""
        if number.utf8.contains(where: { $0 == 0x20 || $0 == 0x2E }) {
            number = String(decoding: number.utf8.filter { $0 != 0x20 && $0 != 0x2E }, as: UTF8.self)
        }
        switch node.kind {
        case .part: return "part_" + number
        case .chapter: return "chp_" + number
        case .section: return "sec_" + number
        case .subsection: return "subsec_" + number
        case .item: return "point_" + number
        case .sentence: return "sent_" + number
        case .annex: return "att_" + number
        case .block: return "para_" + number
        default: return nil
        }
    }

    /// Every node id of the document mapped to its eId (unique; "_2" is added on a clash).
    public static func eIds(of document: Document) -> [NodeID: String] { eIds(of: document.nodeTable()) }

    /// Every node id of a document's node table mapped to its eId (unique; "_2" is added on a clash).
    ///
    /// The rows are read in document order; a row's eId extends its parent's (an annex starts afresh: its
    /// content is numbered inside the annex document).
    public static func eIds(of nodes: NodeTable) -> [NodeID: String] {
        var result: [NodeID: String] = [:]
        var used: Set<String> = []
        // For an eId that clashed, the suffix to try next: every lower one was taken, and taken stays taken,
        // so n nodes with one eId cost O(n), not O(n²) (a long act repeats "hcontainer_" and annex numbers).
        var nextSuffix: [String: Int] = [:]
        // The prefix each row hands its children.
        var childPrefix = [String](repeating: "", count: nodes.count)
        nodes.forEachRow { row, node in
            let prefix = row.parent.map { childPrefix[$0] } ?? ""
            var eId = prefix
            switch node.kind {
            case .document: eId = ""
            case .title: eId = "preface"
            case .preamble: eId = "preamble"
            case .signature: eId = "conclusions"
            case .unplaced: eId = (prefix.isEmpty ? "" : prefix + "__") + "hcontainer_" + unplacedNumber(node.id)
            default:
                let c = component(node) ?? "hcontainer"
                eId = prefix.isEmpty ? c : prefix + "__" + c
            }
            if node.kind != .document {
                var unique = eId
                if used.contains(unique) {
                    var n = nextSuffix[eId] ?? 2
                    repeat {
                        unique = "\(eId)_\(n)"
                        n += 1
                    } while used.contains(unique)
                    nextSuffix[eId] = n
                }
                used.insert(unique)
                result[node.id] = unique
                eId = unique
            }
            childPrefix[row.index] = node.kind == .annex ? "" : eId
        }
        return result
    }

    /// "3" for `unplaced3`: unplaced text is numbered through the document.
    private static func unplacedNumber(_ id: NodeID) -> String {
        if case .unplaced(let number) = id.last.step { return String(number) }
        return ""
    }
}
