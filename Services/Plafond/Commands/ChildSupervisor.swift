import Foundation
import LocalSystem

/// Starts sibling executables (found next to `plafond` itself), forwards SIGINT/SIGTERM/SIGHUP,
/// and stops all of them when any one exits: a half-running system would mislead.
///
/// Sendable so that a signal handler may stop the children: the list is fixed once
/// started, and stopping only signals and polls them.
final class ChildSupervisor: @unchecked Sendable {
    private let children: [(name: String, process: Process)]

    /// With `logFolder`, each child's output goes to `<name>.log` there instead of ours.
    init(programs: [String], arguments: [String], logFolder: URL? = nil) throws {
        var started: [(name: String, process: Process)] = []
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for name in programs {
            let process = Process()
            process.executableURL = folder.appendingPathComponent(name)
            process.arguments = arguments
            if let logFolder {
                let log = logFolder.appendingPathComponent("\(name).log")
                FileManager.default.createFile(atPath: log.path, contents: nil)
                let handle = try FileHandle(forWritingTo: log)
                process.standardOutput = handle
                process.standardError = handle
            }
            try process.run()
            started.append((name, process))
        }
        children = started
    }

    /// Blocks until SIGINT/SIGTERM/SIGHUP or a child's exit, then stops everything gracefully
    /// (SIGTERM, then SIGKILL after ten seconds). Returns the exit code to use.
    func runUntilSignal() -> Int32 {
        let signals = StopSignals()
        defer { signals.restoreDefaults() }
        var code: Int32 = 0
        while signals.next(waitingMilliseconds: 200) == nil {
            if let dead = children.first(where: { !$0.process.isRunning }) {
                FileHandle.standardError.write(
                    Data("\(dead.name) stopte (code \(dead.process.terminationStatus)); alles stopt\n".utf8))
                code = 1
                break
            }
        }
        stopAll()
        return code
    }

    /// The first child that exited, if any: a half-running system would mislead.
    var deadChild: (name: String, status: Int32)? {
        children.first { !$0.process.isRunning }.map { ($0.name, $0.process.terminationStatus) }
    }

    func stopAll() {
        ChildProcesses.stop(children.map(\.process))
    }
}
