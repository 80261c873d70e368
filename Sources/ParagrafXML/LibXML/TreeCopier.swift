import CLibXML2
import Paragraf

/// Copies a libxml2 tree into ``XMLElement`` values, bounded in depth.
struct TreeCopier {
    let collector: ErrorCollector
    var reportedDepth = false

    mutating func copy(_ node: xmlNodePtr, depth: Int) -> XMLElement {
        let name = node.pointee.name.map { String(cString: $0) } ?? ""
        var element = XMLElement(name: name, line: Int(xmlGetLineNo(node)))
        var attr = node.pointee.properties
        while let a = attr {
            let attrName = a.pointee.name.map { String(cString: $0) } ?? ""
            var value = ""
            if let v = xmlNodeListGetString(node.pointee.doc, a.pointee.children, 1) {
                value = String(cString: v)
                paragraf_xml_free(v)
            }
            element.attributes.append(XMLAttribute(name: attrName, value: value))
            attr = a.pointee.next
        }
        guard depth < SafeXMLParser.Limits.maxDepth else {
            if !reportedDepth {
                reportedDepth = true
                collector.add(.tooDeep(limit: SafeXMLParser.Limits.maxDepth), line: element.line, column: 1)
            }
            return element
        }
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                element.children.append(.element(copy(c, depth: depth + 1)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content {
                    element.children.append(.text(String(cString: content), line: Int(xmlGetLineNo(c))))
                }
            default:
                break  // comments, processing instructions, entity references: not content
            }
            child = c.pointee.next
        }
        return element
    }
}
