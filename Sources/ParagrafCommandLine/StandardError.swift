import ArgumentParser
import Foundation

/// Standard error, where every command writes its notes and errors.
public enum StandardError {
    /// Writes `text` and a line break (unless it ends with one).
    public static func write(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Writes "paragraf: error: `message`" and returns the exit status to throw (1: not found or unreadable
    /// input; 64: bad usage).
    public static func failure(_ message: String, exitCode: Int32 = 1) -> ExitCode {
        write("paragraf: error: \(message)")
        return ExitCode(exitCode)
    }
}
