import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `plafond demo` told to stop by SIGTERM (kill, systemd) or SIGHUP (a closed terminal)
/// while it replays the year takes its four services and the SMTP sink with it: left
/// running, they held the ports and the next run's sink could not start.
@Suite(.serialized) struct DemoStopTests {
    /// The processes whose command line names `folder`: the services (`--config`) and
    /// the SMTP sink (`--dir`).
    static func processes(naming folder: URL) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry), pid != getpid(),
                let raw = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
            else { return nil }
            let commandLine = String(decoding: raw.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
            return commandLine.contains(folder.path) && !commandLine.contains("plafond demo") ? pid : nil
        }
    }

    static func waitFor(seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(100_000)
        }
        return condition()
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func aStoppedDemoLeavesNothingRunning(signal number: Int32) throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "plafond-demo-stop-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Below Linux's ephemeral ports (32768 and up) and the other demo test's (10000 and up).
        let basePort = (number == SIGTERM ? 6_000 : 7_000) + Int(getpid() % 10) * 100
        let output = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "plafond-demo-stop-\(UUID().uuidString.prefix(8)).out")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let demo = Process()
        demo.executableURL = RunningSystem.binaryFolder().appendingPathComponent("plafond")
        demo.arguments = [
            "demo", "--realtime", "--map", folder.path, "--poort", String(basePort), "--smtp-sink",
            RunningSystem.packageRoot.appendingPathComponent("Tests/Support/smtp_sink.py").path,
        ]
        let log = try FileHandle(forWritingTo: output)
        demo.standardOutput = log
        demo.standardError = log
        try demo.run()
        // Whatever happens below, nothing of this test outlives it.
        defer {
            if demo.isRunning { kill(demo.processIdentifier, SIGKILL) }
            for pid in Self.processes(naming: folder) { kill(pid, SIGKILL) }
        }

        // Running: four services and the sink, and the demo saying where (it listens for
        // the signals by then).
        #expect(Self.waitFor(seconds: 60) { Self.processes(naming: folder).count == 5 })
        #expect(
            Self.waitFor(seconds: 60) {
                String(decoding: FileManager.default.contents(atPath: output.path) ?? Data(), as: UTF8.self)
                    .contains("Plafond-demo in")
            })
        #expect(demo.isRunning)

        kill(demo.processIdentifier, number)
        let exited = Self.waitFor(seconds: 30) { !demo.isRunning }
        #expect(exited)
        guard exited else { return }  // the defer stops what is left
        demo.waitUntilExit()
        #expect(demo.terminationStatus == 128 + number)
        #expect(Self.waitFor(seconds: 15) { Self.processes(naming: folder).isEmpty })
    }
}
