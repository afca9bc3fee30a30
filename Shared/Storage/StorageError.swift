import Domain

/// Errors raised by the storage layer itself (SQLite's own errors pass through as GRDB's
/// `DatabaseError`, which callers can match by result code).
public struct StorageError: CodedError {
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
    public let cause: (any Error)?
    public let file: String
    public let line: Int

    public init(_ code: Code, _ message: String, cause: (any Error)? = nil, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.cause = cause
        self.file = file
        self.line = line
    }

    public var description: String { "\(code.rawValue): \(message) (\(file):\(line))" }
}
