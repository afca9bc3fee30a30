import Domain
import Foundation
import Messaging
import Synchronization

/// Provider systems sending declarations to intake, each on its own thread and socket,
/// each waiting for its answer before the next (as real systems do). Either as fast as
/// intake answers, or paced to a total number of lines per second.
final class ProviderSenders: Sendable {
    let endpoint: String
    let senders: Int
    private let context = ZMQContext()
    private let answered = Atomic<Int>(0)
    private let approved = Atomic<Int>(0)
    private let failures = Mutex<[String]>([])
    private let stopping = Atomic<Bool>(false)

    init(endpoint: String, senders: Int) {
        self.endpoint = endpoint
        self.senders = senders
    }

    deinit { context.terminate() }

    var answers: Int { answered.load(ordering: .relaxed) }
    /// Answered 8001: every line of the declaration taken.
    var fullyApproved: Int { approved.load(ordering: .relaxed) }

    /// Sends declarations 0..<count (sender k takes k, k + senders, …); `interval` paces
    /// each sender (nil: as fast as answered). Returns when all are answered or `stop()`.
    func run(count: Int, interval: Double?, make: @escaping @Sendable (Int) -> Data) throws {
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
                        _ = try socket.send([Data(), make(d)])
                        guard let reply = try socket.receive() else { throw BenchError("no answer within 300 s") }
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
        if let failure = failures.withLock({ $0.first }) { throw BenchError(failure) }
    }

    func stop() { stopping.store(true, ordering: .relaxed) }
}
