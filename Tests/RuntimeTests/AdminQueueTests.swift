import Fixtures
import Foundation
import Logging
import Messaging
import Synchronization
import Testing

@testable import Runtime

/// A busy service once left admin commands unread: the CLI gave up after ten seconds and
/// the command was applied half a minute later. Now every request is acknowledged when
/// read, handled on a thread of its own, and the client waits while it is queued.
@Suite(.serialized) struct AdminQueueTests {
    final class SlowHandler: Sendable {
        let calls = Mutex<[String]>([])
        let delay: TimeInterval
        init(delay: TimeInterval) { self.delay = delay }

        func handle(_ request: Data) -> Data {
            Thread.sleep(forTimeInterval: delay)
            let text = String(decoding: request, as: UTF8.self)
            calls.withLock { $0.append(text) }
            return Data("{\"ok\":true,\"result\":\(text)}".utf8)
        }
    }

    func withServer(
        delay: TimeInterval, _ body: @Sendable (String, SlowHandler) async throws -> Void
    ) async throws {
        let context = ZMQContext()
        let endpoint = "tcp://127.0.0.1:\(Self.freePort())"
        let handler = SlowHandler(delay: delay)
        var logger = Logger(label: "admin-test")
        logger.logLevel = .error
        let server = try AdminSocketServer(
            context: context, endpoint: endpoint, insecure: false, logger: logger, handler: handler.handle)
        let task = Task { try await server.run() }
        defer {
            task.cancel()
            context.terminate()
        }
        try await body(endpoint, handler)
    }

    static func freePort() -> Int { FreePorts.take(1)[0] }

    /// Off the cooperative pool: the client blocks on its socket.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    @Test func aCommandSlowerThanTheAcknowledgementTimeoutIsWaitedForAndReported() async throws {
        try await withServer(delay: 2.5) { endpoint, handler in
            var configured = AdminClient(endpoint: endpoint)
            configured.acknowledgementTimeout = .seconds(1)
            configured.reportInterval = .milliseconds(500)
            let client = configured
            let reports = Mutex<[Duration]>([])
            let reply = try await Self.offPool {
                try client.send(Data(#"{"n":1}"#.utf8)) { waited in reports.withLock { $0.append(waited) } }
            }
            #expect(String(decoding: reply, as: UTF8.self) == #"{"ok":true,"result":{"n":1}}"#)
            #expect(reports.withLock { $0.count } >= 2, "the person is told the command waits")
            #expect(handler.calls.withLock { $0 } == [#"{"n":1}"#])
        }
    }

    @Test func aSecondCommandIsAcknowledgedWhileTheFirstIsHandledAndBothAreAnsweredInOrder() async throws {
        try await withServer(delay: 1.5) { endpoint, handler in
            var configured = AdminClient(endpoint: endpoint)
            configured.acknowledgementTimeout = .milliseconds(700)
            let client = configured
            async let first = Self.offPool { try client.send(Data(#"{"n":1}"#.utf8)) }
            try await Task.sleep(for: .milliseconds(200))
            // Before: the socket thread ran the handler, so this one was not even read
            // within its acknowledgement timeout.
            let second = try await Self.offPool { try client.send(Data(#"{"n":2}"#.utf8)) }
            _ = try await first
            #expect(String(decoding: second, as: UTF8.self).contains(#"{"n":2}"#))
            #expect(handler.calls.withLock { $0 } == [#"{"n":1}"#, #"{"n":2}"#])
        }
    }

    @Test func noServiceAtTheAddressIsUnreachableAfterTheAcknowledgementTimeout() async throws {
        var configured = AdminClient(endpoint: "tcp://127.0.0.1:\(Self.freePort())")
        configured.acknowledgementTimeout = .milliseconds(600)
        let client = configured
        await #expect(throws: RuntimeError.self) {
            _ = try await Self.offPool { try client.send(Data("{}".utf8)) }
        }
    }
}
