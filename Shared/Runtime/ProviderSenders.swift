import Foundation
import Messaging
import Synchronization

/// Provider systems sending declarations to intake, each on its own thread and socket,
/// each waiting for its answer before the next (as real systems do). Either as fast as
/// intake answers, or paced. Used by `plafond loadgen` and the whole-system benchmark.
public final class ProviderSenders: Sendable {
    public let endpoint: String
    public let senders: Int
    private let context = ZMQContext()
    private let answered = Atomic<Int>(0)
    private let approved = Atomic<Int>(0)
    private let failures = Mutex<[String]>([])
    private let stopping = Atomic<Bool>(false)

    public init(endpoint: String, senders: Int) {
        self.endpoint = endpoint
        self.senders = senders
    }

    deinit { context.terminate() }

    public var answers: Int { answered.load(ordering: .relaxed) }
    /// Answered 8001: every line of the declaration taken.
    public var fullyApproved: Int { approved.load(ordering: .relaxed) }

    /// Sends declarations 0..<count (sender k takes k, k + senders, …); `interval` (seconds)
    /// paces each sender (nil: as fast as answered); `answered` hears each answer and how
    /// long it took. Returns when all are answered or after `stop()`; throws the first
    /// sender's failure (the others finish their part first).
    public func run(
        count: Int, interval: Double?, make: @escaping @Sendable (Int) -> Data,
        answered onAnswer: (@Sendable (Duration, Data) -> Void)? = nil
    ) throws {
        let group = DispatchGroup()
        for sender in 0..<senders {
            group.enter()
            Thread { [self] in
                defer { group.leave() }
                do {
                    let socket = try ZMQSocket(context, .dealer)
                    defer { socket.close() }
                    try socket.setReceiveTimeout(300_000)
                    try socket.connect(endpoint)
                    // Senders start spread over one interval, so the paced load is even.
                    let start = Date().addingTimeInterval((interval ?? 0) * Double(sender) / Double(senders))
                    var sent = 0
                    for d in stride(from: sender, to: count, by: senders) {
                        if stopping.load(ordering: .relaxed) { break }
                        if let interval {
                            let due = start.addingTimeInterval(interval * Double(sent))
                            let wait = due.timeIntervalSinceNow
                            if wait > 0 { Thread.sleep(forTimeInterval: wait) }
                        }
                        let document = make(d)
                        let sentAt = ContinuousClock.now
                        _ = try socket.send([Data(), document])
                        guard let reply = try socket.receive() else { throw SendFailure("no answer within 300 s") }
                        onAnswer?(ContinuousClock.now - sentAt, reply.parts.last ?? Data())
                        sent += 1
                        answered.add(1, ordering: .relaxed)
                        if String(decoding: reply.parts.last ?? Data(), as: UTF8.self).contains(">8001<") {
                            approved.add(1, ordering: .relaxed)
                        }
                    }
                } catch {
                    failures.withLock { $0.append("sender \(sender): \(error)") }
                }
            }.start()
        }
        group.wait()
        if let failure = failures.withLock({ $0.first }) { throw SendFailure(failure) }
    }

    public func stop() { stopping.store(true, ordering: .relaxed) }

    public struct SendFailure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
