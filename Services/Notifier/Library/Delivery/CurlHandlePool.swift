import Synchronization

/// Easy handles kept between transfers, each with its open connection, so the next mail
/// or post to the same server skips the connect, greeting and EHLO (and the TLS
/// handshake). A handle is given back only after a transfer that went well: one that
/// failed is dropped with its connection. libcurl closes a kept connection the server
/// has closed, or that has been idle for two minutes, before using it again.
final class CurlHandlePool: Sendable {
    private let idle = Mutex<[CurlEasy]>([])
    private let capacity: Int

    /// `capacity`: idle handles kept (the worker serves receivers side by side).
    init(capacity: Int = 8) {
        self.capacity = capacity
    }

    /// An idle handle, or a new one when none is idle.
    func take() throws(DeliveryError) -> CurlEasy {
        if let kept = idle.withLock({ $0.popLast() }) { return kept }
        return try CurlEasy()
    }

    /// Keeps `handle` (reset, its connection still open) for the next transfer.
    func giveBack(_ handle: CurlEasy) {
        handle.reset()
        idle.withLock { handles in
            if handles.count < capacity { handles.append(handle) }
        }
    }
}
