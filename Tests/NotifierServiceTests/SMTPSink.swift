import Fixtures
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The real SMTP sink (aiosmtpd, Tests/Support/smtp_sink.py) on a loopback port.
final class SMTPSink: @unchecked Sendable {  // one test at a time uses it
    let port: Int
    let folder: URL
    private let process: Process

    init(failFirst: Int = 0) throws {
        port = FreePorts.take(1)[0]
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-\(UUID().uuidString)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Support/smtp_sink.py")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", script.path, "--host", "127.0.0.1", "--port", "\(port)", "--dir", folder.path,
            "--fail-first", "\(failFirst)",
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        guard String(decoding: output.fileHandleForReading.availableData, as: UTF8.self).contains("ready") else {
            throw CocoaError(.executableLoad)
        }
    }

    var url: String { "smtp://127.0.0.1:\(port)" }

    func messages() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".eml") }.sorted().compactMap {
            try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
    }

    deinit {
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
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
