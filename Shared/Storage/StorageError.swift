/// Errors raised by the storage layer itself (SQLite's own errors pass through as GRDB's
/// `DatabaseError`, which callers can match by result code).
public struct StorageError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case gapInEventLog
        case corruptRecord
        /// An admin request id sent again with another command.
        case requestIDReused
        /// The store has migrations this release does not know: a newer release wrote it.
        case newerStore
    }

    public let code: Code
    public let message: String
    public let file: String
    public let line: Int

    public init(_ code: Code, _ message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }

    public var description: String { "\(code.rawValue): \(message) (\(file):\(line))" }
}
