import Fixtures
import Foundation
import Testing

/// Nothing is exposed beyond this machine by accident: each service refuses to bind a
/// non-loopback address for plain ZeroMQ (intake's provider endpoint in development
/// mode, the admin sockets, the event logs) or HTTP without a token, and says why.
@Suite struct ExposureTests {
    func refuses(_ service: String, configuration: String) throws -> (status: Int32, log: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plafond-exposure-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plafond.toml")
        try ("[general]\ndata = \"\(folder.appendingPathComponent("data").path)\"\n" + configuration)
            .write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = RunningSystem.binaryFolder().appendingPathComponent(service)
        process.arguments = ["--config", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let deadline = Date().addingTimeInterval(15)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        )
    }

    @Test func plainZeroMQBeyondLoopbackIsRefused() throws {
        let ports = FreePorts.take(8)
        let cases: [(String, String)] = [
            (
                "intake",
                "[intake]\nendpoint = \"tcp://0.0.0.0:\(ports[0])\"\nevents_publish = \"tcp://127.0.0.1:\(ports[1])\"\nevents_catchup = \"tcp://127.0.0.1:\(ports[2])\"\nmetrics = \"127.0.0.1:\(ports[3])\"\n"
            ),
            (
                "monitor",
                "[monitor]\nadmin = \"tcp://0.0.0.0:\(ports[4])\"\nevents_publish = \"tcp://127.0.0.1:\(ports[5])\"\nevents_catchup = \"tcp://127.0.0.1:\(ports[6])\"\nmetrics = \"127.0.0.1:\(ports[7])\"\n"
            ),
            (
                "notifier",
                "[notifier]\nadmin = \"tcp://127.0.0.1:\(ports[4])\"\nevents_publish = \"tcp://0.0.0.0:\(ports[5])\"\nevents_catchup = \"tcp://127.0.0.1:\(ports[6])\"\nmetrics = \"127.0.0.1:\(ports[7])\"\n"
            ),
        ]
        for (service, configuration) in cases {
            let (status, log) = try refuses(service, configuration: configuration)
            #expect(status != 0, "\(service) started on 0.0.0.0 without CURVE:\n\(log)")
            #expect(log.contains("without CURVE"), "\(service): \(log)")
        }
    }

    @Test func theDashboardBeyondLoopbackNeedsAToken() throws {
        let ports = FreePorts.take(1)
        let (status, log) = try refuses("reporter", configuration: "[reporter]\nhttp = \"0.0.0.0:\(ports[0])\"\n")
        #expect(status != 0, "reporter served 0.0.0.0 without a token:\n\(log)")
        #expect(log.contains("needs [reporter] token"), "\(log)")
    }

    /// `/metrics` has no authentication: it once bound 0.0.0.0 when configured so.
    @Test func aMetricsListenerBeyondLoopbackIsRefused() throws {
        let ports = FreePorts.take(4)
        for service in ["intake", "monitor", "notifier"] {
            var configuration = "[\(service)]\n"
            if service == "intake" { configuration += "endpoint = \"tcp://127.0.0.1:\(ports[0])\"\n" }
            configuration += """
                events_publish = "tcp://127.0.0.1:\(ports[1])"
                events_catchup = "tcp://127.0.0.1:\(ports[2])"
                metrics = "0.0.0.0:\(ports[3])"

                """
            let (status, log) = try refuses(service, configuration: configuration)
            #expect(status != 0, "\(service) served metrics on 0.0.0.0:\n\(log)")
            #expect(log.contains("beyond this machine without authentication"), "\(service): \(log)")
        }
    }
}
