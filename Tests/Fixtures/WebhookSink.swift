import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real HTTP server receiving webhooks (Tests/Support/webhook_sink.py) on a loopback
/// port; it can answer the first requests with an error to exercise retries.
public final class WebhookSink: @unchecked Sendable {  // one test at a time uses it
    public let port: Int
    private let log: URL
    private let process: ScriptProcess

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
        process = try ScriptProcess(
            script: "webhook_sink.py",
            arguments: [
                "--port", "\(port)", "--log", log.path, "--fail-first", "\(failFirst)", "--fail-status",
                "\(failStatus)",
            ])
    }

    public var url: String { "http://127.0.0.1:\(port)/plafond" }

    public func requests() -> [Request] {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Request.self, from: Data($0.utf8)) }
    }

    deinit {
        process.stop()
        try? FileManager.default.removeItem(at: log)
    }
}
