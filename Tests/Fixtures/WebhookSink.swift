import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real HTTP server receiving webhooks (Tests/Support/webhook_sink.py) on a loopback
/// port; it can answer the first requests with an error to exercise retries.
public final class WebhookSink: @unchecked Sendable {  // one test at a time uses it
    public let port: Int
    private let log: URL
    private let process: Process

    /// One request as the server saw it.
    public struct Request: Decodable, Sendable {
        public var status: Int
        public var path: String
        public var idempotencyKey: String?
        public var contentType: String?
        public var body: String
    }

    public init(failFirst: Int = 0, failStatus: Int = 500) throws {
        port = FreePorts.take(1)[0]
        log = FileManager.default.temporaryDirectory.appendingPathComponent("webhook-\(UUID().uuidString).jsonl")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Support/webhook_sink.py")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", script.path, "--port", "\(port)", "--log", log.path, "--fail-first", "\(failFirst)",
            "--fail-status", "\(failStatus)",
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        guard String(decoding: output.fileHandleForReading.availableData, as: UTF8.self).contains("ready") else {
            throw CocoaError(.executableLoad)
        }
    }

    public var url: String { "http://127.0.0.1:\(port)/plafond" }

    public func requests() -> [Request] {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Request.self, from: Data($0.utf8)) }
    }

    deinit {
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: log)
    }
}
