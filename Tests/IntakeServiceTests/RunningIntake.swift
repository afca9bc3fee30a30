import Domain
import Fixtures
import Foundation
import IJW
import Logging
import Messaging

@testable import IntakeService

/// Intake's real server on a loopback TCP port with a store on disk, for tests that go
/// through the socket as a provider's system does. The clock is fixed so fixtures' dates
/// mean the same on every day the suite runs.
final class RunningIntake: @unchecked Sendable {  // used by one test at a time
    static let today = Day(iso: "2026-05-10")!
    let endpoint: String
    let folder: URL
    let processor: IntakeProcessor
    private let context = ZMQContext()
    private let task: Task<Void, any Error>
    private let client: ZMQSocket

    /// `maxBatch`: requests intake takes into its pipeline at once (the server's default otherwise).
    init(maxBatch: Int = 256) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        endpoint = "tcp://127.0.0.1:\(FreePorts.take(1)[0])"
        let now = Date(timeIntervalSince1970: TimeInterval(Self.today.daysSince1970 * 86_400 + 43_200))
        // Thousands of refused inputs would otherwise fill the CI log with warnings.
        var logger = Logger(label: "intake-socket-test")
        logger.logLevel = .error
        processor = IntakeProcessor(
            database: try IntakeDatabase.open(path: folder.appendingPathComponent("intake.sqlite").path),
            pseudonymizer: Pseudonymizer(secret: "socket-test"), knownGemeenten: ["0268", "0209"],
            allocationGemeenten: ["0268"],
            tariffs: try ContractTariffs.parse("0268;45A07;2026-01-01;;10,00\n"), requireAuthentication: false,
            clock: { now }, logger: logger)
        let server = try IntakeServer(
            context: context, endpoint: endpoint, security: nil, insecure: false, processor: processor,
            maxBatch: maxBatch, committed: {}, logger: logger)
        task = Task { try await server.run() }
        client = try ZMQSocket(context, .dealer)
        try client.setReceiveTimeout(15_000)
        try client.connect(endpoint)
    }

    /// Sends one document as a DEALER (empty delimiter, then the document); returns the answer.
    func send(_ document: Data) async throws -> Data {
        guard let answer = try await sendFrames([Data(), document])?.last else {
            throw IntakeTestError("no answer from intake within 15 s")
        }
        return answer
    }

    /// Sends raw frames, however malformed; returns the reply frames or nil when none came.
    ///
    /// The blocking receive runs on a Dispatch thread: blocking the cooperative pool
    /// could keep the server's own task from ever starting when suites run side by side.
    func sendFrames(_ frames: [Data]) async throws -> [Data]? {
        let box = ClientSocket(socket: client)
        return try await Self.offPool {
            _ = try box.socket.send(frames)
            return try box.socket.receive()?.parts
        }
    }

    /// Sends every document before reading any answer, as a provider's system may; returns
    /// the answers in the order they came.
    func sendWithoutWaiting(_ documents: [Data]) async throws -> [Data] {
        let box = ClientSocket(socket: client)
        return try await Self.offPool {
            for document in documents { _ = try box.socket.send([Data(), document]) }
            return try documents.map { _ in
                guard let answer = try box.socket.receive()?.parts.last else {
                    throw IntakeTestError("not every document answered within 15 s")
                }
                return answer
            }
        }
    }

    /// Sends one document and returns at once; `nextAnswer` reads what comes back.
    func sendOnly(_ document: Data) async throws {
        let box = ClientSocket(socket: client)
        try await Self.offPool { _ = try box.socket.send([Data(), document]) }
    }

    func nextAnswer() async throws -> Data? {
        let box = ClientSocket(socket: client)
        return try await Self.offPool { try box.socket.receive()?.parts.last }
    }

    /// Asks the server to stop, as a graceful shutdown does; the test's client stays open.
    func stopServer() {
        task.cancel()
    }

    /// Sends one document on a connection of its own; whether any answer came within 3 s.
    func answeredOnFreshConnection(_ document: Data) async throws -> Bool {
        try await Self.offPool { [context, endpoint] in
            let socket = try ZMQSocket(context, .dealer)
            defer { socket.close() }
            try socket.setReceiveTimeout(3_000)
            try socket.connect(endpoint)
            _ = try socket.send([Data(), document])
            return try socket.receive() != nil
        }
    }

    private static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    deinit {
        client.close()
        task.cancel()
        // Blocks until the server thread, seeing the cancellation, has closed its socket.
        context.terminate()
        try? FileManager.default.removeItem(at: folder)
    }
}

struct IntakeTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The test's client socket, handed to one Dispatch thread at a time: each request is
/// awaited before the next, so the socket is never used by two threads at once.
private struct ClientSocket: @unchecked Sendable {
    let socket: ZMQSocket
}
