import Foundation

/// The project's SMTP sink (`Tests/Support/smtp_sink.py`, Python with aiosmtpd) as a
/// process: every mail it accepts becomes an .eml file in `mailFolder`, stamped with the
/// moment it had it. Used by the demo, the system benchmarks and the end-to-end tests.
public enum SMTPSinkProcess {
    /// Starts the sink on loopback and waits until it says it listens; its output goes
    /// to `log`. `extraArguments` are the sink's own (for example a failure to play);
    /// `launcher` runs it through another program (`ip netns exec NS`, for a sink on
    /// another network namespace's loopback). Throws when it does not start.
    public static func start(
        script: String, port: Int, mailFolder: URL, log: URL, extraArguments: [String] = [], launcher: [String] = []
    ) throws -> Process {
        guard FileManager.default.fileExists(atPath: script) else {
            throw SMTPSinkError("no SMTP sink at \(script)")
        }
        try FileManager.default.createDirectory(at: mailFolder, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            launcher + [
                "python3", script, "--host", "127.0.0.1", "--port", String(port), "--dir", mailFolder.path,
            ] + extraArguments
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw SMTPSinkError("cannot write the SMTP sink's log at \(log.path)")
        }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        // The sink prints "ready" once it listens; end of output first means it stopped.
        guard String(decoding: output.fileHandleForReading.availableData, as: UTF8.self).contains("ready") else {
            process.terminate()
            throw SMTPSinkError("the SMTP sink did not start; see \(log.path)")
        }
        return process
    }
}

public struct SMTPSinkError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
