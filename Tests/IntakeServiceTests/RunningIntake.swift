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

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        endpoint = "tcp://127.0.0.1:\(FreePorts.take(1)[0])"
        let now = Date(timeIntervalSince1970: TimeInterval(Self.today.daysSince1970 * 86_400 + 43_200))
        processor = IntakeProcessor(
            database: try IntakeDatabase.open(path: folder.appendingPathComponent("intake.sqlite").path),
            pseudonymizer: Pseudonymizer(secret: "socket-test"), knownGemeenten: ["0268", "0209"],
            allocationGemeenten: ["0268"],
            tariffs: try ContractTariffs.parse("0268;45A07;2026-01-01;;10,00\n"), requireAuthentication: false,
            clock: { now }, logger: Logger(label: "intake-socket-test"))
        let server = try IntakeServer(
            context: context, endpoint: endpoint, security: nil, insecure: false, processor: processor, committed: {},
            logger: Logger(label: "intake-socket-test"))
        task = Task { try await server.run() }
        client = try ZMQSocket(context, .dealer)
        try client.setReceiveTimeout(15_000)
        try client.connect(endpoint)
    }

    /// Sends one document as a DEALER (empty delimiter, then the document); returns the answer.
    func send(_ document: Data) throws -> Data {
        _ = try client.send([Data(), document])
        guard let reply = try client.receive(), let answer = reply.parts.last else {
            throw CocoaError(.fileReadUnknown)
        }
        return answer
    }

    /// Sends raw frames, however malformed; returns the reply frames or nil when none came.
    func sendFrames(_ frames: [Data]) throws -> [Data]? {
        _ = try client.send(frames)
        return try client.receive()?.parts
    }

    /// Sends one document on a connection of its own; whether any answer came within 3 s.
    func answeredOnFreshConnection(_ document: Data) throws -> Bool {
        let socket = try ZMQSocket(context, .dealer)
        defer { socket.close() }
        try socket.setReceiveTimeout(3_000)
        try socket.connect(endpoint)
        _ = try socket.send([Data(), document])
        return try socket.receive() != nil
    }

    deinit {
        client.close()
        task.cancel()
        // Blocks until the server thread, seeing the cancellation, has closed its socket.
        context.terminate()
        try? FileManager.default.removeItem(at: folder)
    }
}
