/// Errors of monitor's own logic; admin replies carry `message` to the CLI as is.
public struct MonitorError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case invalidRequest
        case unknownCommand
        case notFound
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
