import MCP
import Paragraf
import ParagrafDiff
import ParagrafStore

/// A tool's arguments, read strictly: each of the expected type, text bounded.
struct Arguments {
    let values: [String: Value]
    let tool: String

    func string(_ name: String, required: Bool = false) throws(MCPError) -> String? {
        guard let value = values[name], value != .null else {
            if required { throw .invalidParams("\(tool): give \"\(name)\"") }
            return nil
        }
        guard let text = value.stringValue else { throw .invalidParams("\(tool): \"\(name)\" must be a string") }
        guard text.utf8.count <= MCPToolAnswers.maxArgumentLength else {
            throw .invalidParams("\(tool): \"\(name)\" has \(text.utf8.count) bytes; at most \(MCPToolAnswers.maxArgumentLength) are read")
        }
        if text.isEmpty {
            if required { throw .invalidParams("\(tool): \"\(name)\" is empty") }
            return nil
        }
        return text
    }

    func bool(_ name: String) throws(MCPError) -> Bool {
        guard let value = values[name], value != .null else { return false }
        guard let flag = value.boolValue else { throw .invalidParams("\(tool): \"\(name)\" must be true or false") }
        return flag
    }

    func limit() throws(MCPError) -> Int {
        guard let value = values["limit"], value != .null else { return 20 }
        guard let n = value.intValue ?? value.doubleValue.flatMap({ $0 == $0.rounded() ? Int(exactly: $0) : nil }) else {
            throw .invalidParams("\(tool): \"limit\" must be an integer")
        }
        guard n >= 1 else { throw .invalidParams("--limit must be at least 1, got \"\(n)\"") }
        return min(n, MCPToolAnswers.maxResults)
    }

    func date(_ name: String) throws(MCPError) -> LegalDate? {
        guard let text = try string(name) else { return nil }
        guard let date = LegalDate(text) else { throw .invalidParams("--at expects a date as YYYY-MM-DD, got \"\(text)\"") }
        return date
    }

    func address(_ name: String) throws(MCPError) -> Address {
        let text = try string(name, required: true)!
        do {
            return try Address.parse(text)
        } catch {
            throw .invalidParams(String(describing: error))
        }
    }
}
