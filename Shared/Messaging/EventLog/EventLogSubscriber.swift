import Dispatch
import Foundation
import Logging
import Metrics
import ServiceLifecycle
import Synchronization

/// The consumer side of the event log: follows a producer's PUB stream and repairs any
/// loss through its catch-up ROUTER, applying each event exactly once through the sink.
///
/// Decisions are `SubscriberStateMachine`'s; this type only moves frames. `@unchecked
/// Sendable`: the sockets live on the subscriber's own thread; other threads only read
/// the applied seq through an atomic.
public final class EventLogSubscriber: Service, @unchecked Sendable {
    private let context: ZMQContext
    private let producer: String
    private let publishEndpoint: String
    private let catchUpEndpoint: String
    private let sink: any EventSink
    /// Events applied at most per batch heard on PUB (live).
    private let batchSize: Int
    /// Events asked for per catch-up fetch (behind).
    private let catchUpBatchSize: Int
    private let catchUpTimeout: Duration
    private let logger: Logger
    private let appliedSeq = Atomic<Int64>(-1)
    /// Batches that could not be stored (full or failing disk) and were tried again.
    private let applyRetries: Counter
    /// The producer's head as last heard (heartbeat or catch-up reply), and when.
    private let producerHead = Atomic<Int64>(-1)
    private let heardAtNanoseconds = Atomic<UInt64>(0)
    private let gauges: ConsumerGauges
    /// A CURVE client of the producer outside development mode (both sockets).
    private let security: SocketSecurity

    public init(
        context: ZMQContext, producer: String, publishEndpoint: String, catchUpEndpoint: String, sink: any EventSink,
        batchSize: Int = 1_000, catchUpBatchSize: Int? = nil, catchUpTimeout: Duration = .seconds(2),
        security: SocketSecurity = .plain, logger: Logger
    ) {
        self.context = context
        self.security = security
        self.producer = producer
        self.publishEndpoint = publishEndpoint
        self.catchUpEndpoint = catchUpEndpoint
        self.sink = sink
        self.batchSize = batchSize
        self.catchUpBatchSize = catchUpBatchSize ?? batchSize
        self.catchUpTimeout = catchUpTimeout
        self.logger = logger
        self.applyRetries = Counter(label: "plafond_store_write_retries_total", dimensions: [("log", producer)])
        self.gauges = ConsumerGauges(producer: producer)
    }

    /// Where this consumer stands, for readiness and metrics.
    public var status: ConsumerStatus {
        let heard = heardAtNanoseconds.load(ordering: .acquiring)
        return ConsumerStatus(
            producer: producer, applied: applied, producerHead: producerHead.load(ordering: .acquiring),
            secondsSinceHeard: heard == 0
                ? nil : Double(DispatchTime.now().uptimeNanoseconds &- heard) / 1_000_000_000)
    }

    /// The producer said how far its log goes.
    private func heard(latest: Int64) {
        heardAtNanoseconds.store(DispatchTime.now().uptimeNanoseconds, ordering: .releasing)
        producerHead.store(max(latest, producerHead.load(ordering: .acquiring)), ordering: .releasing)
        gauges.update(applied: applied, head: producerHead.load(ordering: .acquiring))
    }

    /// The last seq applied by this subscriber (-1 before it has read its cursor).
    public var applied: Int64 { appliedSeq.load(ordering: .acquiring) }

    /// Waits (polling) until `seq` is applied; for tests and tools.
    public func waitUntilApplied(_ seq: Int64, timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if applied >= seq { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return applied >= seq
    }

    public func run() async throws {
        try await SocketThread.run(name: "subscriber-\(producer)") { [self] stop in
            let subscription = try ZMQSocket(context, .sub)
            defer { subscription.close() }
            let catchUp = try ZMQSocket(context, .dealer)
            defer { catchUp.close() }
            try subscription.setReceiveHighWaterMark(100_000)
            try subscription.subscribeAll()
            try subscription.apply(security)
            try catchUp.apply(security)
            try subscription.connect(publishEndpoint)
            try catchUp.connect(catchUpEndpoint)
            try loop(subscription: subscription, catchUp: catchUp, stop: stop)
        }
    }

    /// Sleeps in short steps, so a stop is not kept waiting by a long backoff.
    static func sleep(_ duration: Duration, unless stop: SocketThread.StopSignal) {
        let until = ContinuousClock.now + duration
        while !stop.shouldStop {
            let left = until - ContinuousClock.now
            guard left > .zero else { return }
            let seconds = Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
            Thread.sleep(forTimeInterval: min(0.1, seconds))
        }
    }

    private func loop(subscription: ZMQSocket, catchUp: ZMQSocket, stop: SocketThread.StopSignal) throws {
        var machine = SubscriberStateMachine(applied: try sink.appliedSequence())
        appliedSeq.store(machine.applied, ordering: .releasing)
        var fetchSentAt = ContinuousClock.now
        var quietUntil = ContinuousClock.now
        var items = [ZMQPollItem(socket: subscription), ZMQPollItem(socket: catchUp)]
        var backoff = RetryBackoff()

        func fetch(after: Int64, requestID: Int64) throws {
            let request = EventLogWire.FetchRequest(after: after, limit: catchUpBatchSize, requestID: requestID)
            try catchUp.send(EventLogWire.fetchFrames(request), dontWait: true)
            fetchSentAt = ContinuousClock.now
        }

        /// Applies a run of events and says what the machine wants next.
        func apply(_ events: [LoggedEvent]) -> SubscriberStateMachine.Action {
            do {
                try sink.apply(events)
                appliedSeq.store(events.last!.seq, ordering: .releasing)
                gauges.update(applied: events.last!.seq, head: producerHead.load(ordering: .acquiring))
                backoff.succeeded()
                return machine.didApply(upTo: events.last!.seq)
            } catch {
                // A full or failing disk: wait, calmer each time, and try again
                // from the stored cursor. The service stays up.
                let wait = backoff.failed()
                applyRetries.increment()
                logger.error(
                    "applying events failed; retrying from the stored cursor",
                    metadata: [
                        "producer": "\(producer)", "seq": "\(events.first!.seq)", "error": "\(error)",
                        "retry.in": "\(wait)", "retry.failures": "\(backoff.failures)",
                    ])
                Self.sleep(wait, unless: stop)
                return machine.applyFailed(storedApplied: (try? sink.appliedSequence()) ?? machine.applied)
            }
        }

        func perform(_ action: SubscriberStateMachine.Action) throws {
            var next = action
            while true {
                switch next {
                case .none:
                    return
                case .fetch(let after, let requestID):
                    try fetch(after: after, requestID: requestID)
                    return
                case .apply(let events):
                    next = apply(events)
                case .fetchAndApply(let after, let requestID, let events):
                    try fetch(after: after, requestID: requestID)
                    next = apply(events)
                    // The wait for the reply starts now: a long batch is not the producer's silence.
                    fetchSentAt = ContinuousClock.now
                }
            }
        }

        try perform(machine.start())
        while !stop.shouldStop {
            _ = try zmqPoll(&items, timeoutMilliseconds: 100)
            if items[1].readable {
                while let message = try catchUp.receive(dontWait: true) {
                    guard let reply = EventLogWire.parseBatch(message.parts) else {
                        logger.warning("unreadable catch-up reply", metadata: ["producer": "\(producer)"])
                        continue
                    }
                    heard(latest: reply.latest)
                    try perform(machine.batch(reply))
                }
            }
            if items[0].readable {
                var events: [LoggedEvent] = []
                var heartbeat: Int64?
                while events.count < batchSize, let message = try subscription.receive(dontWait: true) {
                    switch EventLogWire.parsePublished(message.parts) {
                    case .event(let event): events.append(event)
                    case .heartbeat(let latest): heartbeat = max(heartbeat ?? latest, latest)
                    case nil: logger.warning("unreadable event dropped", metadata: ["producer": "\(producer)"])
                    }
                }
                try perform(machine.published(events))
                if let heartbeat {
                    heard(latest: heartbeat)
                    try perform(machine.heartbeat(latest: heartbeat))
                }
            }
            if case .catchingUp = machine.mode, ContinuousClock.now - fetchSentAt > catchUpTimeout {
                if ContinuousClock.now >= quietUntil {
                    logger.notice("producer not answering catch-up; retrying", metadata: ["producer": "\(producer)"])
                    quietUntil = ContinuousClock.now + .seconds(30)
                }
                try perform(machine.catchUpTimedOut())
            }
        }
    }
}
