import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Stopping the processes a command started.
public enum ChildProcesses {
    /// SIGTERM to each (in the order given), SIGKILL to any still running `grace` seconds
    /// later (one that ignores the signal, or hangs): stopping never waits forever.
    public static func stop(_ processes: [Process], grace: TimeInterval = 10) {
        for process in processes where process.isRunning { kill(process.processIdentifier, SIGTERM) }
        let deadline = Date().addingTimeInterval(grace)
        while Date() < deadline, processes.contains(where: \.isRunning) { usleep(50_000) }
        for process in processes where process.isRunning { kill(process.processIdentifier, SIGKILL) }
        for process in processes { process.waitUntilExit() }
    }
}
