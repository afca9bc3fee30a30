import Foundation
import ServiceLifecycle
import Synchronization

/// Runs a blocking socket loop on a thread of its own and waits for it asynchronously.
///
/// ZeroMQ sockets belong to one thread, and a blocking receive must not hold a Swift
/// concurrency thread, so each loop gets a `Thread`. The loop checks `shouldStop` between
/// short receive timeouts; graceful shutdown and cancellation both set it, the loop
/// finishes the message in flight and returns.
public enum SocketThread {
    public final class StopSignal: Sendable {
        private let flag = Atomic<Bool>(false)
        public init() {}
        public var shouldStop: Bool { flag.load(ordering: .acquiring) }
        public func stop() { flag.store(true, ordering: .releasing) }
    }

    public static func run(name: String, _ body: @escaping @Sendable (StopSignal) throws -> Void) async throws {
        let signal = StopSignal()
        try await withGracefulShutdownHandler {
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                    let thread = Thread {
                        do {
                            try body(signal)
                            continuation.resume()
                        } catch {
                            continuation.resume(throwing: error)
                        }
                    }
                    thread.name = name
                    thread.start()
                }
            } onCancel: {
                signal.stop()
            }
        } onGracefulShutdown: {
            signal.stop()
        }
    }
}
