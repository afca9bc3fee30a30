import CZeroMQ
import Synchronization

/// A libzmq context: one per process, shared by all its sockets.
///
/// `@unchecked Sendable`: libzmq documents contexts as thread-safe; only sockets are
/// confined to one thread. Terminate after every socket is closed (LINGER 0 makes that
/// immediate).
public final class ZMQContext: @unchecked Sendable {
    public let raw: UnsafeMutableRawPointer
    private let terminated = Atomic<Bool>(false)

    public init() {
        raw = zmq_ctx_new()
    }

    /// Idempotent. Blocks until every socket of this context is closed.
    public func terminate() {
        guard !terminated.exchange(true, ordering: .acquiringAndReleasing) else { return }
        while zmq_ctx_term(raw) != 0 && zmq_errno() == EINTR {}
    }

    deinit {
        terminate()
    }
}
