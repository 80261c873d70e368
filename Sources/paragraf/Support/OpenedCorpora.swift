import Foundation
import Paragraf

/// The corpora this process has opened, by directory: a command reads a corpus's manifests once, however
/// many of its arguments name a version or a file (`diff FILE FILE` asks for each argument whether it names a
/// version). Measured: `paragraf diff` of two files opened the bundled corpus twice, 6.6 M of 516 M
/// instructions (1.2 %) with its JSON decoding; the manifests do not change while one command runs.
final class OpenedCorpora: @unchecked Sendable {
    /// The one table of the process.
    static let shared = OpenedCorpora()

    // @unchecked Sendable: `corpora` and `bundled` are only read and written under `lock`.
    private let lock = NSLock()
    private var corpora: [String: Corpus] = [:]
    /// Where the bundled corpus is, once looked for (it resolves the executable's path: 1.2 M instructions).
    private var bundled: String?

    /// The corpus in `directory` (the bundled one when nil), read on the first call.
    func corpus(at directory: String?) throws(CorpusError) -> Corpus {
        lock.lock()
        defer { lock.unlock() }
        let directory = directory ?? bundledDirectory()
        if let known = corpora[directory] { return known }
        let corpus = try Corpus(directory: directory)
        corpora[directory] = corpus
        return corpus
    }

    /// The bundled corpus's directory, looked for on the first call (the lock is held).
    private func bundledDirectory() -> String {
        if let bundled { return bundled }
        let directory = Corpus.bundledDirectory()
        bundled = directory
        return directory
    }
}
