import Foundation
import Glibc
import Logging
import Metrics
import ServiceLifecycle
import Synchronization

/// The producer side of the event log: publishes committed outbox events on PUB,
/// answers catch-up requests on a ROUTER, and sends a heartbeat with the latest seq.
///
/// It reads only from the `EventSource`, so it can never publish what was not committed;
/// `committed()` merely wakes it early. A heartbeat turn also publishes anything it has
/// not published yet, so a missed wake-up delays events by at most one interval.
///
/// `@unchecked Sendable`: the sockets live on the publisher's own thread; other threads
/// only write to the wake-up pipe and read the bound endpoints under a mutex.
public final class EventLogPublisher: Service, @unchecked Sendable {
    private let context: ZMQContext
    private let publishEndpoint: String
    private let catchUpEndpoint: String
    private let source: any EventSource
    private let heartbeatInterval: Duration
    private let logger: Logger
    private let wakePipe = WakePipe()
    private let bound = Mutex<(publish: String, catchUp: String)?>(nil)
    private let metrics = PublishedEventMetrics()
    /// A CURVE server (both sockets) outside development mode: only the services' own
    /// keys may read the log.
    private let security: SocketSecurity

    public init(
        context: ZMQContext, publishEndpoint: String, catchUpEndpoint: String, source: any EventSource,
        heartbeatInterval: Duration = .seconds(1), security: SocketSecurity = .plain, logger: Logger
    ) {
        self.context = context
        self.security = security
        self.publishEndpoint = publishEndpoint
        self.catchUpEndpoint = catchUpEndpoint
        self.source = source
        self.heartbeatInterval = heartbeatInterval
        self.logger = logger
    }

    /// Call after a transaction that appended outbox events has committed. Any thread.
    public func committed() {
        wakePipe.wake()
    }

    /// The endpoints actually bound (useful with port `*`), once the publisher runs.
    public var boundEndpoints: (publish: String, catchUp: String)? { bound.withLock { $0 } }

    public func run() async throws {
        try await SocketThread.run(name: "publisher") { [self] stop in
            let publisher = try ZMQSocket(context, .pub)
            defer { publisher.close() }
            let catchUp = try ZMQSocket(context, .router)
            defer { catchUp.close() }
            try publisher.setSendHighWaterMark(100_000)
            try catchUp.setMaxMessageSize(4096)
            try publisher.apply(security)
            try catchUp.apply(security)
            try publisher.bind(publishEndpoint)
            try catchUp.bind(catchUpEndpoint)
            let publishBound = (try? publisher.lastEndpoint) ?? publishEndpoint
            let catchUpBound = (try? catchUp.lastEndpoint) ?? catchUpEndpoint
            bound.withLock { $0 = (publishBound, catchUpBound) }
            var lastPublished = try source.latestSequence()
            metrics.head.record(lastPublished)
            var nextHeartbeat = ContinuousClock.now
            var items = [ZMQPollItem(socket: catchUp), ZMQPollItem(fileDescriptor: wakePipe.readDescriptor)]
            logger.info(
                "event log publishing",
                metadata: [
                    "endpoint.publish": "\(publishEndpoint)", "endpoint.catchup": "\(catchUpEndpoint)",
                    "seq": "\(lastPublished)",
                ])
            while !stop.shouldStop {
                _ = try zmqPoll(&items, timeoutMilliseconds: 100)
                if items[1].readable {
                    wakePipe.drain()
                    lastPublished = try publishNew(after: lastPublished, on: publisher)
                }
                if items[0].readable {
                    try answerCatchUp(on: catchUp)
                }
                if ContinuousClock.now >= nextHeartbeat {
                    lastPublished = try publishNew(after: lastPublished, on: publisher)
                    try publisher.send(EventLogWire.heartbeatFrames(latest: lastPublished), dontWait: true)
                    nextHeartbeat = ContinuousClock.now + heartbeatInterval
                }
            }
        }
    }

    /// Publishes every committed event after `seq`; returns the new last published seq.
    /// A PUB socket drops what a slow subscriber cannot take; catch-up repairs that.
    private func publishNew(after seq: Int64, on socket: ZMQSocket) throws -> Int64 {
        var last = seq
        while true {
            let events = try source.events(after: last, limit: 1_000)
            for event in events {
                try socket.send(EventLogWire.eventFrames(event), dontWait: true)
                last = event.seq
                metrics.published(event.kind)
            }
            metrics.head.record(last)
            if events.count < 1_000 { return last }
        }
    }

    private func answerCatchUp(on socket: ZMQSocket) throws {
        while let message = try socket.receive(dontWait: true) {
            // ROUTER prepends the peer's routing id; a DEALER sends no delimiter.
            guard message.parts.count >= 2 else { continue }
            let envelope = [message.parts[0]]
            let request = Array(message.parts.dropFirst())
            guard let fetch = EventLogWire.parseFetch(request) else {
                logger.warning("malformed catch-up request", metadata: ["parts": "\(request.count)"])
                try socket.send(envelope + [Data("error".utf8), Data("malformed fetch request".utf8)], dontWait: true)
                continue
            }
            let latest = try source.latestSequence()
            let events = try source.events(after: fetch.after, limit: fetch.limit)
            let reply = EventLogWire.BatchReply(requestID: fetch.requestID, latest: latest, events: events)
            try socket.send(envelope + EventLogWire.batchFrames(reply), dontWait: true)
        }
    }
}
