import Fixtures
import Foundation
import Logging
import Messaging
import ServiceLifecycle
import Synchronization
import Testing

/// An outbox in memory, appended by the test as a producer's transactions would.
final class MemorySource: EventSource {
    private let events = Mutex<[LoggedEvent]>([])

    func append(_ count: Int) {
        events.withLock { list in
            for _ in 0..<count {
                let seq = Int64(list.count + 1)
                list.append(LoggedEvent(seq: seq, kind: "test.happened", body: Data("\(seq)".utf8)))
            }
        }
    }

    func latestSequence() throws -> Int64 { events.withLock { Int64($0.count) } }

    func events(after seq: Int64, limit: Int) throws -> [LoggedEvent] {
        events.withLock { Array($0.dropFirst(Int(seq)).prefix(limit)) }
    }
}

/// A consumer's store in memory: effects and cursor change together, as in SQLite.
final class MemorySink: EventSink {
    let applied = Mutex<[Int64]>([])
    let failuresLeft = Atomic<Int>(0)

    func appliedSequence() throws -> Int64 { applied.withLock { $0.last ?? 0 } }

    func apply(_ events: [LoggedEvent]) throws {
        if failuresLeft.load(ordering: .relaxed) > 0 {
            failuresLeft.subtract(1, ordering: .relaxed)
            throw CocoaError(.fileWriteUnknown)
        }
        try applied.withLock { list in
            for event in events {
                guard event.seq == (list.last ?? 0) + 1 else { throw CocoaError(.fileReadCorruptFile) }
                list.append(event.seq)
            }
        }
    }
}

@Suite(.serialized) struct EventLogTests {
    let logger = Logger(label: "event-log-test")

    /// Runs publisher and subscriber as services for the length of `body`.
    func withLog(
        source: MemorySource, sink: MemorySink, heartbeat: Duration = .milliseconds(200),
        _ body: (EventLogPublisher, EventLogSubscriber) async throws -> Void
    ) async throws {
        let context = ZMQContext()
        defer { context.terminate() }
        let ports = FreePorts.take(2)
        let publisher = EventLogPublisher(
            context: context, publishEndpoint: "tcp://127.0.0.1:\(ports[0])",
            catchUpEndpoint: "tcp://127.0.0.1:\(ports[1])",
            source: source, heartbeatInterval: heartbeat, logger: logger)
        let subscriber = EventLogSubscriber(
            context: context, producer: "test", publishEndpoint: "tcp://127.0.0.1:\(ports[0])",
            catchUpEndpoint: "tcp://127.0.0.1:\(ports[1])", sink: sink, batchSize: 500,
            catchUpTimeout: .milliseconds(500), logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await publisher.run() }
            group.addTask { try await subscriber.run() }
            defer { group.cancelAll() }
            try await body(publisher, subscriber)
        }
    }

    @Test func aConsumerThatWasDownCatchesUpTenThousandEventsExactlyOnce() async throws {
        let source = MemorySource()
        source.append(10_000)  // produced while the consumer was down
        let sink = MemorySink()
        try await withLog(source: source, sink: sink) { _, subscriber in
            #expect(await subscriber.waitUntilApplied(10_000, timeout: .seconds(30)))
        }
        #expect(sink.applied.withLock { $0 } == Array(1...10_000))
    }

    @Test func eventsLostOnPUBAreRepairedThroughCatchUp() async throws {
        let source = MemorySource()
        let sink = MemorySink()
        try await withLog(source: source, sink: sink) { publisher, subscriber in
            // Published the moment the sockets exist: the slow joiner loses them on PUB.
            source.append(100)
            publisher.committed()
            try await Task.sleep(for: .milliseconds(50))
            source.append(100)
            publisher.committed()
            #expect(await subscriber.waitUntilApplied(200, timeout: .seconds(15)))
        }
        #expect(sink.applied.withLock { $0 } == Array(1...200))
    }

    @Test func aFailingApplyIsRetriedWithoutLossOrDuplicates() async throws {
        let source = MemorySource()
        source.append(50)
        let sink = MemorySink()
        sink.failuresLeft.store(2, ordering: .relaxed)
        try await withLog(source: source, sink: sink) { publisher, subscriber in
            #expect(await subscriber.waitUntilApplied(50, timeout: .seconds(15)))
            source.append(25)
            publisher.committed()
            #expect(await subscriber.waitUntilApplied(75, timeout: .seconds(15)))
        }
        #expect(sink.applied.withLock { $0 } == Array(1...75))
    }
}

@Suite struct SubscriberStateMachineTests {
    func event(_ seq: Int64) -> LoggedEvent { LoggedEvent(seq: seq, kind: "k", body: Data()) }

    @Test func startsByCatchingUpFromTheCursor() {
        var machine = SubscriberStateMachine(applied: 41)
        #expect(machine.start() == .fetch(after: 41, requestID: 1))
    }

    @Test func followsContiguousEventsAndIgnoresOldOnes() {
        var machine = SubscriberStateMachine(applied: 5)
        _ = machine.start()
        #expect(machine.batch(.init(requestID: 1, latest: 5, events: [])) == .none)
        #expect(machine.mode == .following)
        #expect(machine.published([event(4), event(5), event(6), event(7)]) == .apply([event(6), event(7)]))
        #expect(machine.didApply(upTo: 7) == .none)
        #expect(machine.published([event(7)]) == .none)
    }

    @Test func aGapOrAHeartbeatAheadStartsACatchUp() {
        var machine = SubscriberStateMachine(applied: 10)
        _ = machine.start()
        _ = machine.batch(.init(requestID: 1, latest: 10, events: []))
        #expect(machine.published([event(12)]) == .fetch(after: 10, requestID: 2))
        #expect(machine.published([event(13)]) == .none)  // ignored while catching up
        #expect(machine.batch(.init(requestID: 1, latest: 13, events: [event(11)])) == .none)  // stale id
        #expect(
            machine.batch(.init(requestID: 2, latest: 13, events: [event(11), event(12), event(13)]))
                == .apply([event(11), event(12), event(13)]))
        #expect(machine.didApply(upTo: 13) == .fetch(after: 13, requestID: 3))
        #expect(machine.batch(.init(requestID: 3, latest: 13, events: [])) == .none)
        #expect(machine.heartbeat(latest: 13) == .none)
        #expect(machine.heartbeat(latest: 20) == .fetch(after: 13, requestID: 4))
    }

    @Test func timeoutsAndFailuresAskAgainFromTheStoredCursor() {
        var machine = SubscriberStateMachine(applied: 3)
        _ = machine.start()
        #expect(machine.catchUpTimedOut() == .fetch(after: 3, requestID: 2))
        #expect(machine.applyFailed(storedApplied: 3) == .fetch(after: 3, requestID: 3))
    }

    /// Far behind, the next batch is asked for before this one is applied; its reply is
    /// awaited, not asked for twice, and a failed apply forgets it.
    @Test func farBehindTheNextBatchIsAskedForFirst() {
        var machine = SubscriberStateMachine(applied: 10)
        _ = machine.start()
        #expect(
            machine.batch(.init(requestID: 1, latest: 100, events: [event(11), event(12), event(13)]))
                == .fetchAndApply(after: 13, requestID: 2, [event(11), event(12), event(13)]))
        #expect(machine.didApply(upTo: 13) == .none)  // the reply to 2 is on its way
        #expect(
            machine.batch(.init(requestID: 2, latest: 100, events: [event(14), event(15), event(16)]))
                == .fetchAndApply(after: 16, requestID: 3, [event(14), event(15), event(16)]))
        // The store could not take 14–16: ask again from its cursor; the reply to 3 is stale.
        #expect(machine.applyFailed(storedApplied: 13) == .fetch(after: 13, requestID: 4))
        #expect(machine.batch(.init(requestID: 3, latest: 100, events: [event(17)])) == .none)
        // The last batch: nothing more to ask for ahead.
        #expect(
            machine.batch(.init(requestID: 4, latest: 15, events: [event(14), event(15)]))
                == .apply([event(14), event(15)]))
        #expect(machine.didApply(upTo: 15) == .fetch(after: 15, requestID: 5))
        #expect(machine.batch(.init(requestID: 5, latest: 15, events: [])) == .none)
        #expect(machine.mode == .following)
    }

    /// A producer far ahead, replies lost, stale or late, applies that fail, PUB events
    /// and heartbeats in between, over many seeds: the store gets every event exactly once
    /// and in order, and ends level with the producer.
    @Test func underAnyInterleavingEveryEventIsAppliedOnceInOrder() {
        var prefetched = 0
        for seed in UInt64(0)..<300 {
            var random = SeededGenerator(seed: seed)
            let total = Int64.random(in: 1...300, using: &random)
            let batchSize = Int.random(in: 1...40, using: &random)
            var machine = SubscriberStateMachine(applied: 0)
            var stored: Int64 = 0
            var inFlight: [EventLogWire.BatchReply] = []
            var delivered: [EventLogWire.BatchReply] = []

            func reply(after: Int64, requestID: Int64) -> EventLogWire.BatchReply {
                let last = min(after + Int64(batchSize), total)
                return .init(
                    requestID: requestID, latest: total,
                    events: after < last ? (after + 1...last).map(event) : [])
            }
            func apply(_ events: [LoggedEvent]) -> SubscriberStateMachine.Action {
                if Int.random(in: 0..<10, using: &random) == 0 {
                    return machine.applyFailed(storedApplied: stored)  // the transaction rolled back
                }
                #expect(events.first?.seq == stored + 1, "seed \(seed): applied out of order")
                #expect(zip(events, events.dropFirst()).allSatisfy { $0.seq + 1 == $1.seq }, "seed \(seed)")
                stored = events.last!.seq
                return machine.didApply(upTo: stored)
            }
            func perform(_ action: SubscriberStateMachine.Action) {
                var next = action
                while true {
                    switch next {
                    case .none:
                        return
                    case .fetch(let after, let id):
                        // Lost now and then: the timeout asks again.
                        if Int.random(in: 0..<8, using: &random) != 0 {
                            inFlight.append(reply(after: after, requestID: id))
                        }
                        return
                    case .apply(let events):
                        next = apply(events)
                    case .fetchAndApply(let after, let id, let events):
                        prefetched += 1
                        if Int.random(in: 0..<8, using: &random) != 0 {
                            inFlight.append(reply(after: after, requestID: id))
                        }
                        next = apply(events)
                    }
                }
            }

            perform(machine.start())
            var steps = 0
            while stored < total || machine.mode != .following {
                steps += 1
                guard steps < 20_000 else {
                    Issue.record("seed \(seed): not level after 20,000 steps (\(stored) of \(total))")
                    break
                }
                switch Int.random(in: 0..<10, using: &random) {
                case 0..<6 where !inFlight.isEmpty:
                    let next = inFlight.removeFirst()
                    delivered.append(next)
                    perform(machine.batch(next))
                case 6 where !delivered.isEmpty:
                    perform(machine.batch(delivered.randomElement(using: &random)!))  // a stale duplicate
                case 7:
                    let from = Int64.random(in: 1...total, using: &random)
                    perform(machine.published((from...min(from + 3, total)).map(event)))
                case 8:
                    perform(machine.heartbeat(latest: total))
                case 9 where !inFlight.isEmpty:
                    // A reply merely slow: asked for again, it arrives later and is stale.
                    perform(machine.catchUpTimedOut())
                default:
                    if inFlight.isEmpty { perform(machine.catchUpTimedOut()) }
                }
            }
            #expect(stored == total, "seed \(seed)")
            #expect(machine.applied == total, "seed \(seed)")
        }
        #expect(prefetched > 100)  // the shapes above do go far behind
    }
}
