import Fixtures
import Foundation
import LocalSystem
import Messaging

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// The real system for an end-to-end test: the four built executables, a real SMTP sink
/// (aiosmtpd) and a data folder, on loopback ports of its own. Nothing is mocked.
final class RunningSystem: @unchecked Sendable {  // used from one test at a time
    let folder: URL
    let binaries: URL
    let ports: Ports
    let mailFolder: URL
    private(set) var processes: [String: Process] = [:]
    private var smtp: Process?

    /// Fifteen distinct free loopback ports, named by what listens on them.
    struct Ports {
        private let all: [Int]
        init(_ all: [Int]) { self.all = all }
        var intake: Int { all[0] }
        var intakePublish: Int { all[1] }
        var intakeCatchUp: Int { all[2] }
        var monitorAdmin: Int { all[3] }
        var monitorPublish: Int { all[4] }
        var monitorCatchUp: Int { all[5] }
        var notifierAdmin: Int { all[6] }
        var notifierPublish: Int { all[7] }
        var notifierCatchUp: Int { all[8] }
        var http: Int { all[9] }
        var smtp: Int { all[10] }
        var intakeMetrics: Int { all[11] }
        var monitorMetrics: Int { all[12] }
        var notifierMetrics: Int { all[13] }
        var reporterAdmin: Int { all[14] }
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `notifierSettings` are extra `key = value` lines for the `[notifier]` table.
    init(development: Bool = true, notifierSettings: String = "", extraConfiguration: String = "") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("plafond-e2e-\(UUID().uuidString)")
        mailFolder = folder.appendingPathComponent("mail")
        try FileManager.default.createDirectory(at: mailFolder, withIntermediateDirectories: true)
        binaries = Self.binaryFolder()
        ports = Ports(FreePorts.take(15))
        let configuration = """
            [general]
            data = "\(folder.appendingPathComponent("data").path)"
            development = \(development)
            pseudonym_key = "end-to-end-test-key"

            [intake]
            endpoint = "tcp://127.0.0.1:\(ports.intake)"
            events_publish = "tcp://127.0.0.1:\(ports.intakePublish)"
            events_catchup = "tcp://127.0.0.1:\(ports.intakeCatchUp)"
            metrics = "127.0.0.1:\(ports.intakeMetrics)"

            [monitor]
            admin = "tcp://127.0.0.1:\(ports.monitorAdmin)"
            events_publish = "tcp://127.0.0.1:\(ports.monitorPublish)"
            events_catchup = "tcp://127.0.0.1:\(ports.monitorCatchUp)"
            metrics = "127.0.0.1:\(ports.monitorMetrics)"

            [notifier]
            admin = "tcp://127.0.0.1:\(ports.notifierAdmin)"
            events_publish = "tcp://127.0.0.1:\(ports.notifierPublish)"
            events_catchup = "tcp://127.0.0.1:\(ports.notifierCatchUp)"
            metrics = "127.0.0.1:\(ports.notifierMetrics)"
            smtp_url = "smtp://127.0.0.1:\(ports.smtp)"
            from = "plafond@nijmegen.example"
            dashboard_url = "http://127.0.0.1:\(ports.http)"
            recipients = [{ name = "Contractmanager Jeugd", email = "contractmanager@nijmegen.example" }]
            \(notifierSettings)

            [reporter]
            http = "127.0.0.1:\(ports.http)"
            admin = "tcp://127.0.0.1:\(ports.reporterAdmin)"

            \(extraConfiguration)
            """
        try configuration.write(to: configurationFile, atomically: true, encoding: .utf8)
    }

    var configurationFile: URL { folder.appendingPathComponent("plafond.toml") }

    /// `.build/debug` (or release): where `swift build` put the executables. The test
    /// runner lives there too; PLAFOND_BIN_DIR overrides.
    static func binaryFolder() -> URL {
        if let override = ProcessInfo.processInfo.environment["PLAFOND_BIN_DIR"] {
            return URL(fileURLWithPath: override)
        }
        var candidate = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while candidate.path != "/" {
            candidate.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("intake").path) {
                return candidate
            }
        }
        return packageRoot.appendingPathComponent(".build/debug")
    }

    func startSMTP(extraArguments: [String] = []) throws {
        smtp = try SMTPSinkProcess.start(
            script: Self.packageRoot.appendingPathComponent("Tests/Support/smtp_sink.py").path, port: ports.smtp,
            mailFolder: mailFolder, log: folder.appendingPathComponent("smtp.log"), extraArguments: extraArguments)
    }

    /// `configuration`: another file for this one service (its own data folder, say).
    func start(_ service: String, configuration: URL? = nil) throws {
        let process = Process()
        process.executableURL = binaries.appendingPathComponent(service)
        process.arguments = ["--config", (configuration ?? configurationFile).path]
        let log =
            FileHandle(forWritingAtPath: logFile(service).path)
            ?? {
                FileManager.default.createFile(atPath: logFile(service).path, contents: nil)
                return FileHandle(forWritingAtPath: logFile(service).path)!
            }()
        log.seekToEndOfFile()
        process.standardError = log
        process.standardOutput = log
        try process.run()
        processes[service] = process
    }

    func startAll() throws {
        for service in ["intake", "monitor", "notifier", "reporter"] { try start(service) }
    }

    func logFile(_ service: String) -> URL { folder.appendingPathComponent("\(service).log") }

    func log(_ service: String) -> String {
        (try? String(contentsOf: logFile(service), encoding: .utf8)) ?? ""
    }

    /// SIGTERM, and the exit status once the process stopped (nil if it did not in time).
    @discardableResult
    func stop(_ service: String, signal: Int32 = SIGTERM, timeout: TimeInterval = 15) -> Int32? {
        guard let process = processes[service] else { return nil }
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        processes[service] = nil
        return process.isRunning ? nil : process.terminationStatus
    }

    /// `environment`: variables added to this process's (PLAFOND_SLEUTEL, say).
    func runCLI(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws
        -> (status: Int32, output: String)
    {
        try Self.capture(
            binaries.appendingPathComponent("plafond"), arguments + ["--config", configurationFile.path], in: directory,
            environment: environment)
    }

    /// Runs a program to its end; its exit status and what it wrote (stdout and stderr).
    static func capture(
        _ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.currentDirectoryURL = directory
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func httpGet(_ path: String) async throws -> (status: Int, body: Data) {
        let url = URL(string: "http://127.0.0.1:\(ports.http)\(path)")!
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// Polls until `condition` holds or the deadline passes; returns whether it held.
    func eventually(timeout: TimeInterval = 20, _ condition: () async throws -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try? await condition()) == true { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    func mails() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: mailFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".eml") }.sorted().compactMap {
            try? String(contentsOf: mailFolder.appendingPathComponent($0), encoding: .utf8)
        }
    }

    /// Stops the SMTP server (to simulate an outage); `startSMTP` brings it back.
    func stopSMTP() {
        if let smtp, smtp.isRunning {
            kill(smtp.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(5)
            while smtp.isRunning && Date() < deadline { usleep(20_000) }
            if smtp.isRunning { kill(smtp.processIdentifier, SIGKILL) }
        }
        smtp = nil
    }

    /// Sends one iJw document to intake as a provider's system would; returns the answer.
    func submit(_ document: Data) throws -> String {
        let context = ZMQContext()
        defer { context.terminate() }
        let socket = try ZMQSocket(context, .req)
        defer { socket.close() }
        try socket.setReceiveTimeout(15_000)
        try socket.connect("tcp://127.0.0.1:\(ports.intake)")
        _ = try socket.send([document])
        guard let reply = try socket.receive(), let answer = reply.parts.last else {
            throw E2EError("no answer from intake")
        }
        return String(decoding: answer, as: UTF8.self)
    }

    func shutDown() {
        for service in Array(processes.keys) { stop(service) }
        stopSMTP()
    }

    deinit {
        shutDown()
        if ProcessInfo.processInfo.environment["PLAFOND_KEEP_E2E"] == nil {
            try? FileManager.default.removeItem(at: folder)
        }
    }
}

struct E2EError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
