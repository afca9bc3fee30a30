import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A helper server from Tests/Support (the SMTP and webhook sinks), started with python3
/// and ready once it printed "ready"; stopped with SIGTERM, or SIGKILL after 5 s.
public final class ScriptProcess: @unchecked Sendable {  // started and stopped by one test
    private let process = Process()

    public static let supportFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Support")

    public init(script: String, arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.supportFolder.appendingPathComponent(script).path] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        guard String(decoding: output.fileHandleForReading.availableData, as: UTF8.self).contains("ready") else {
            throw CocoaError(.executableLoad)
        }
    }

    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    deinit { stop() }
}
