import Foundation
import GRDB
import LocalSystem
import Synchronization

/// The four real services and the project's SMTP sink on a fresh folder, as the
/// whole-system benchmarks run them: loopback only, logs in the folder, the services'
/// executables taken from beside `plafond-bench`.
final class BenchSystem: Sendable {
    let folder: URL
    let basePort: Int
    private let started = Mutex<[(name: String, process: Process)]>([])
    private var processes: [(name: String, process: Process)] { started.withLock { $0 } }

    init(folder: URL, basePort: Int) {
        self.folder = folder
        self.basePort = basePort
    }

    var layout: LoopbackLayout { LoopbackLayout(basePort: basePort) }
    var intakeEndpoint: String { layout.intakeEndpoint }
    var monitorAdmin: String { layout.monitorAdmin }
    var monitorPublish: String { layout.monitorPublish }
    var monitorCatchUp: String { layout.monitorCatchUp }
    var httpAddress: String { layout.httpAddress }
    var mailFolder: URL { folder.appendingPathComponent("mail") }
    var dataFolder: URL { folder.appendingPathComponent("data") }
    static let services = ["intake", "monitor", "notifier", "reporter"]

    func writeConfiguration() throws {
        try FileManager.default.createDirectory(at: mailFolder, withIntermediateDirectories: true)
        let sections = layout.sections(notifier: [
            #"from = "plafond@bench.example""#,
            #"recipients = [{ name = "Contractmanager", email = "contractmanager@bench.example" }]"#,
            #"group_wait = "0s""#, #"group_interval = "0s""#,
        ])
        try """
        [general]
        data = "\(dataFolder.path)"
        development = true
        log_level = "warning"

        \(sections)
        """.write(to: folder.appendingPathComponent("plafond.toml"), atomically: true, encoding: .utf8)
    }

    /// Starts the SMTP sink and waits until it says it listens.
    func startSMTPSink(script: String) throws {
        let process = try SMTPSinkProcess.start(
            script: script, port: layout.smtpPort, mailFolder: mailFolder,
            log: folder.appendingPathComponent("smtp.log"))
        started.withLock { $0.append(("smtp", process)) }
    }

    func start(_ service: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent(service)
        process.arguments = ["--config", folder.appendingPathComponent("plafond.toml").path]
        let log = try logHandle(service)
        process.standardOutput = log
        process.standardError = log
        try process.run()
        started.withLock { $0.append((service, process)) }
    }

    func stopAll() {
        ChildProcesses.stop(processes.reversed().map(\.process))
        started.withLock { $0 = [] }
    }

    /// A service that stopped on its own makes every later figure meaningless.
    func requireRunning() throws {
        for (name, process) in processes where !process.isRunning {
            throw BenchError("\(name) stopped (status \(process.terminationStatus)); see \(folder.path)/\(name).log")
        }
    }

    /// Resident memory now and at its peak (VmRSS, VmHWM), in bytes, from /proc.
    func memory(_ service: String) -> (now: Int, peak: Int) {
        guard let process = processes.first(where: { $0.name == service })?.process,
            let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
        else { return (0, 0) }
        func kilobytes(_ field: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }) else { return 0 }
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        }
        return (kilobytes("VmRSS:") * 1024, kilobytes("VmHWM:") * 1024)
    }

    /// The store's size on disk: the database file and its write-ahead log.
    func storeBytes(_ service: String) -> Int64 {
        ["", "-wal"].reduce(0) { total, suffix in
            let path = dataFolder.appendingPathComponent("\(service).sqlite\(suffix)").path
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0
            return total + size
        }
    }

    /// How far intake's event log has come, and how far a consumer has applied it: read
    /// from the stores themselves (read-only), so no service is asked to report on itself.
    func intakeHead() throws -> Int64 { try head(of: "intake") }

    func head(of producer: String) throws -> Int64 {
        try read(producer) { try Int64.fetchOne($0, sql: "SELECT max(seq) FROM outbox") ?? 0 }
    }

    /// Notifications the notifier has yet to deliver (or retry).
    func pendingNotifications() throws -> Int {
        try read("notifier") {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM notification WHERE state = 'pending'") ?? 0
        }
    }

    func applied(by consumer: String, of producer: String = "intake") throws -> Int64 {
        try read(consumer) {
            try Int64.fetchOne($0, sql: "SELECT seq FROM cursor WHERE producer = ?", arguments: [producer]) ?? 0
        }
    }

    private func read<T>(_ service: String, _ body: (Database) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(
            path: dataFolder.appendingPathComponent("\(service).sqlite").path, configuration: configuration)
        return try queue.read(body)
    }

    private func logHandle(_ name: String) throws -> FileHandle {
        let log = folder.appendingPathComponent("\(name).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        return try FileHandle(forWritingTo: log)
    }
}
