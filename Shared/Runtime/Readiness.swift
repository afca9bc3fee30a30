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

/// Asked on each `GET /readyz`: cheap, no waiting.
public typealias Readiness = @Sendable () -> [ReadinessCheck]
