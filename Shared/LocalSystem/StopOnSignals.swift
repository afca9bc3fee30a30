import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Stops the processes a command started when the command itself is told to stop.
///
/// Ctrl-C alone is not enough: a closed terminal sends SIGHUP, `kill` and systemd send
/// SIGTERM, and either left the four services and the SMTP sink running, holding their
/// ports, so that the next demo or benchmark could not start its sink. (A `kill -9` of
/// the command cannot be caught; its children then stay until stopped by hand.)
///
/// A plain `sigaction` handler writes the signal's number to a pipe and a thread of
/// its own does the stopping. Dispatch signal sources after `SIG_IGN` were tried first:
/// on Linux a signal sent to the process was sometimes dropped as ignored (the main
/// thread does not block it), and the demo ran on. One per process.
public final class StopOnSignals: Sendable {
    /// The signals that mean "stop": interrupt, terminate, hang-up.
    public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private let stopping = Atomic(false)
    private let installed = Atomic(true)

    /// On the first of `signals`, `stop` runs and the process exits with 128 plus the
    /// signal's number, as a shell reports a process the signal ended.
    public init(_ stop: @escaping @Sendable () -> Void) {
        var ends: [Int32] = [0, 0]
        precondition(pipe(&ends) == 0, "no pipe for the signal handler: \(errno)")
        signalPipeWriteEnd.store(ends[1], ordering: .releasing)
        let readEnd = ends[0]
        let thread = Thread { [self] in
            var number: UInt8 = 0
            while read(readEnd, &number, 1) != 1 {}
            stopping.store(true, ordering: .releasing)
            stop()
            exit(128 + Int32(number))
        }
        thread.name = "stop-on-signals"
        thread.start()
        for number in Self.signals {
            var action = sigaction()
            action.__sigaction_handler = .init(sa_handler: forwardSignal)
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
    }

    /// Whether a signal came and the process is about to exit with it.
    public var isStopping: Bool { stopping.load(ordering: .acquiring) }

    /// The one way out once a signal came: the command's own error or clean-up path, which
    /// the stopped children set off, waits here for the signal's exit instead of racing
    /// it with an exit of its own.
    public func yieldToSignal() {
        while isStopping { sleep(1) }
    }

    /// Hands the signals back: their default action, or whatever installs its own handling next.
    public func cancel() {
        guard installed.exchange(false, ordering: .acquiringAndReleasing) else { return }
        for number in Self.signals { signal(number, SIG_DFL) }
    }
}

/// The pipe's write end, for the handler: a handler may only do async-signal-safe work.
private let signalPipeWriteEnd = Atomic<Int32>(-1)

private func forwardSignal(_ number: Int32) {
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(signalPipeWriteEnd.load(ordering: .acquiring), &byte, 1)
}
