import CZeroMQ
import Glibc

/// A failed libzmq call, with the errno kept so callers can tell the three cases that
/// matter apart: try again (EAGAIN), interrupted (EINTR), shutting down (ETERM).
public struct ZMQError: Error, Sendable, CustomStringConvertible {
    public let code: Int32
    public let operation: String

    public init(code: Int32, operation: String) {
        self.code = code
        self.operation = operation
    }

    /// The error of the last libzmq call on this thread.
    static func last(_ operation: String) -> ZMQError {
        ZMQError(code: zmq_errno(), operation: operation)
    }

    public var isWouldBlock: Bool { code == EAGAIN }
    public var isInterrupted: Bool { code == EINTR }
    public var isTerminated: Bool { code == ETERM }

    public var message: String { String(cString: zmq_strerror(code)) }
    public var description: String { "\(operation): \(message) (errno \(code))" }
}

/// Every libzmq call goes through here: EINTR is retried, anything else is thrown.
@inline(__always)
func zmqCall(_ operation: String, _ body: () -> Int32) throws -> Int32 {
    while true {
        let result = body()
        if result >= 0 { return result }
        let error = ZMQError.last(operation)
        if error.isInterrupted { continue }
        throw error
    }
}
