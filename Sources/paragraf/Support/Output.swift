import ArgumentParser
import Foundation
import Paragraf
import ParagrafCommandLine
import ParagrafStore
import ParagrafXML

enum Output {
    /// Writes `text` to standard error.
    static func error(_ text: String) {
        StandardError.write(text)
    }

    /// Encodes `value` as stable JSON: sorted keys, pretty printed, slashes unescaped; source positions with
    /// the line and column `locations` gives them.
    static func json<T: Encodable>(_ value: T, locations: SourceLocationConverter? = nil) throws -> String {
        let encoder = PrettyJSONEncoder(userInfo: locations.map { [.sourceLocations: $0] } ?? [:])
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A member of ``jsonObject(_:)``: a key, its value, and the line table of the text its positions are in.
    struct Member {
        var key: String
        var value: any Encodable
        var locations: SourceLocationConverter?

        init(_ key: String, _ value: any Encodable, locations: SourceLocationConverter? = nil) {
            self.key = key
            self.value = value
            self.locations = locations
        }
    }

    /// Encodes an object whose members hold positions of different texts (an amending act and the act it
    /// amends), each member with its own line table: printed as ``json(_:locations:)`` prints one value.
    static func jsonObject(_ members: [Member]) throws -> String {
        var out = Array("{\n".utf8)
        for (k, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
            if k > 0 { out += Array(",\n".utf8) }
            out += Array("  ".utf8) + (try PrettyJSONEncoder().encode(member.key)) + Array(" : ".utf8)
            let encoder = PrettyJSONEncoder(userInfo: member.locations.map { [.sourceLocations: $0] } ?? [:])
            try encoder.encode(member.value, nestedBy: 2, into: &out)
        }
        out += Array("\n}".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads a file, or standard input for "-". With `maxBytes` (the diff's limit, the only one), a longer file
    /// is refused by its size before it is read, standard input once it is read.
    static func readInput(_ path: String, maxBytes: Int? = nil) throws -> [UInt8] {
        if path == "-" {
            let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            try checkSize(bytes.count, of: "standard input", maxBytes: maxBytes)
            return bytes
        }
        // open, fstat and read straight into the array: through FileManager (exists, attributes, contents, then
        // a copy out of Data) reading cost 4 % of parsing a directory of documents.
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw CLIError("no such file: \(path)") }
            throw CLIError("cannot read \(path)")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw CLIError("cannot read \(path)") }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw CLIError("\(path) is a directory, not a file") }
        let size = Int(status.st_size)
        try checkSize(size, of: path, maxBytes: maxBytes)
        // The size the file has (into the array's memory, not zeroed first), then whatever it still gives (a
        // file that grew, or one in /proc that says 0).
        var bytes = try [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let read = Foundation.read(descriptor, buffer.baseAddress! + count, size - count)
                if read < 0 && errno == EINTR { continue }
                guard read >= 0 else { throw CLIError("cannot read \(path)") }
                if read == 0 { break }
                count += read
            }
        }
        guard bytes.count == size else { return bytes }
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16384) { chunk in
            while true {
                let read = Foundation.read(descriptor, chunk.baseAddress!, chunk.count)
                if read < 0 && errno == EINTR { continue }
                guard read >= 0 else { throw CLIError("cannot read \(path)") }
                if read == 0 { break }
                bytes.append(contentsOf: chunk[0..<read])
            }
        }
        return bytes
    }

    /// Throws when `size` bytes are more than `maxBytes` (``VersionDiff/maxSourceBytes``).
    static func checkSize(_ size: Int, of name: String, maxBytes: Int?) throws {
        guard let maxBytes, size > maxBytes else { return }
        throw CLIError(
            "\(name) has \(size) bytes; paragraf diff compares versions of at most \(maxBytes) bytes (2 GiB − 1) each")
    }
}
