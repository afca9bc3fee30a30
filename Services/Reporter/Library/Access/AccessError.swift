import Domain

/// Errors of the dashboard's accounts and actions; `message` is Dutch and goes to the
/// person (a page, or `plafond user` through the admin socket) as it is.
public struct AccessError: CodedError {
    public enum Code: String, Sendable {
        case invalidRequest
        case notFound
        case unknownCommand
        /// The owning service (monitor, notifier) refused or did not answer.
        case serviceRefused
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
