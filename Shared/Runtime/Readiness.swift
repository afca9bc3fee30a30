import Messaging

/// One thing a service needs before it is ready, and what is wrong with it (nil: fine).
public struct ReadinessCheck: Sendable, Equatable {
    public var name: String
    public var problem: String?

    public init(_ name: String, problem: String?) {
        self.name = name
        self.problem = problem
    }

    /// `ok store` or `FAIL consumer intake: 1532 events behind intake (at most 1000)`.
    public var line: String { problem.map { "FAIL \(name): \($0)" } ?? "ok \(name)" }
}

/// Asked on each `GET /readyz`: cheap, and async, so the store's read waits off Swift
/// concurrency's threads (issue 22: no blocking call in a request handler).
public typealias Readiness = @Sendable () async -> [ReadinessCheck]

/// The readiness checks every service shares.
public enum CommonReadiness {
    /// The store answers a read.
    public static func store(_ read: () async throws -> Void) async -> ReadinessCheck {
        do {
            try await read()
            return ReadinessCheck("store", problem: nil)
        } catch {
            return ReadinessCheck("store", problem: "\(error)")
        }
    }

    public static func listening(_ name: String, _ listening: Bool) -> ReadinessCheck {
        ReadinessCheck(name, problem: listening ? nil : "not bound yet")
    }

    /// What a service with a store, its own event log, sockets and consumers needs.
    public static func service(
        store: () async throws -> Void, eventLog: EventLogPublisher, sockets: [(String, ListeningFlag)],
        consumers: [EventLogSubscriber], maxLag: Int
    ) async -> [ReadinessCheck] {
        [await Self.store(store), listening("event log", eventLog.boundEndpoints != nil)]
            + sockets.map { listening($0.0, $0.1.isListening) }
            + consumers.map {
                let status = $0.status
                return ReadinessCheck(
                    "consumer \(status.producer)", problem: status.problem(maxLag: Int64(maxLag)))
            }
    }
}
