import Domain

/// Errors of the service runtime: configuration, start-up, addresses.
public struct RuntimeError: CodedError {
    public enum Code: String, Sendable {
        case configuration
        case startup
        case insecureAddress
        /// A service did not answer (not running, wrong address, or unreachable).
        case unreachable
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

    public var description: String {
        var text = "\(code.rawValue): \(message)"
        if let cause { text += " (\(cause))" }
        return text
    }
}
