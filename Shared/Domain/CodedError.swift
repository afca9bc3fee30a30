/// The one shape of Plafond's errors, one struct per module: a code a caller can match,
/// a message (Dutch where a person reads it), the error underneath if there was one, and
/// where it was raised. `RuntimeError`, `StorageError`, `MonitorError`, `NotifierError`
/// and `AccessError` have it; each keeps its own `description`, which is what a person is
/// shown, while `diagnostic` is what a log line wants.
public protocol CodedError: Error, Sendable, CustomStringConvertible {
    associatedtype Code: Sendable, Hashable
    var code: Code { get }
    var message: String { get }
    var cause: (any Error)? { get }
    var file: String { get }
    var line: Int { get }
}

extension CodedError {
    /// Code, message, cause and source location, for logs.
    public var diagnostic: String {
        var text = "\(code): \(message)"
        if let cause { text += " (cause: \(cause))" }
        return text + " [\(file):\(line)]"
    }
}
