import Foundation

/// Runs blocking work (a libcurl transfer) on a thread of its own: never on Swift
/// concurrency's pool, which a transfer blocked for its whole timeout would starve, nor
/// on Dispatch's shared threads. Deliveries run one at a time per receiver, so the
/// threads are as many as the receivers in flight, and cheap next to a transfer.
enum OwnThread {
    static func run<T: Sendable>(named name: String, _ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: work()) }
            thread.name = name
            thread.start()
        }
    }
}
