import Fixtures
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The real SMTP sink (aiosmtpd, Tests/Support/smtp_sink.py) on a loopback port.
final class SMTPSink: @unchecked Sendable {  // one test at a time uses it
    let port: Int
    let folder: URL
    private let process: ScriptProcess

    /// `port`: a given port, e.g. to start a server again where a stopped one was.
    init(failFirst: Int = 0, port: Int? = nil) throws {
        self.port = port ?? FreePorts.take(1)[0]
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-\(UUID().uuidString)")
        process = try ScriptProcess(
            script: "smtp_sink.py",
            arguments: [
                "--host", "127.0.0.1", "--port", "\(self.port)", "--dir", folder.path, "--fail-first", "\(failFirst)",
            ])
    }

    var url: String { "smtp://127.0.0.1:\(port)" }

    func messages() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".eml") }.sorted().compactMap {
            try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
    }

    /// The connection each message came over (the sender's address and port).
    func peers() -> [String] {
        messages().compactMap { message in
            message.split(separator: "\r\n").first { $0.hasPrefix("X-Sink-Peer: ") }.map {
                String($0.dropFirst("X-Sink-Peer: ".count))
            }
        }
    }

    func stop() { process.stop() }

    deinit {
        process.stop()
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Decodes the base64 MIME parts of a received message, to read what a person reads.
enum MIMEText {
    static func decodedParts(_ message: String) -> [String] {
        let blocks = message.components(separatedBy: "Content-Transfer-Encoding: base64")
        return blocks.dropFirst().compactMap { block in
            let body = block.components(separatedBy: "\r\n\r\n").dropFirst().first ?? ""
            let encoded = body.components(separatedBy: "--").first ?? ""
            let compact = encoded.replacingOccurrences(of: "\r\n", with: "").replacingOccurrences(of: "\n", with: "")
            return Data(base64Encoded: compact).map { String(decoding: $0, as: UTF8.self) }
        }
    }
}
