import Domain

/// Errors of monitor's own logic; admin replies carry `message` to the CLI as is.
public struct MonitorError: CodedError {
    public enum Code: String, Sendable {
        case invalidRequest
        case unknownCommand
        case notFound
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

    public var description: String { message }
}
