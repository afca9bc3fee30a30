import Foundation
import LocalSystem
import Testing

@Suite struct ChildProcessesTests {
    /// A child that sleeps, with SIGTERM's default action or ignoring it. It unblocks the
    /// signal first: the test process may run with SIGTERM blocked, and a child inherits
    /// the mask, as it inherits an ignored signal, across exec.
    func start(heedingSIGTERM: Bool) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let action = heedingSIGTERM ? "SIG_DFL" : "SIG_IGN"
        process.arguments = [
            "python3", "-c",
            "import signal, time; signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM]); "
                + "signal.signal(signal.SIGTERM, signal.\(action)); time.sleep(30)",
        ]
        try process.run()
        // Give it time to set its action before the signal comes.
        Thread.sleep(forTimeInterval: 0.5)
        return process
    }

    @Test func aProcessThatHeedsSIGTERMStopsAtOnce() throws {
        let process = try start(heedingSIGTERM: true)
        let started = Date()
        ChildProcesses.stop([process], grace: 10)
        #expect(!process.isRunning)
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    /// A process that ignores SIGTERM (or hangs) is killed once the grace is over:
    /// stopping never waits forever.
    @Test func aProcessThatIgnoresSIGTERMIsKilledAfterTheGrace() throws {
        let stubborn = try start(heedingSIGTERM: false)
        let polite = try start(heedingSIGTERM: true)
        let started = Date()
        ChildProcesses.stop([stubborn, polite], grace: 1)
        let took = Date().timeIntervalSince(started)
        #expect(!stubborn.isRunning && !polite.isRunning)
        #expect(stubborn.terminationStatus == SIGKILL)
        #expect(polite.terminationStatus == SIGTERM)
        #expect(took >= 1 && took < 5, "\(took)")
    }
}
