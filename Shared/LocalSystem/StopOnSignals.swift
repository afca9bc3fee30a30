import Foundation
import Synchronization

/// Stops the processes a command started when the command itself is told to stop, and
/// exits.
///
/// Ctrl-C alone was not enough: a closed terminal sends SIGHUP, `kill` and systemd send
/// SIGTERM, and either left the four services and the SMTP sink running, holding their
/// ports, so that the next demo or benchmark could not start its sink. (A `kill -9` of
/// the command cannot be caught; its children then stay until stopped by hand.)
public final class StopOnSignals: Sendable {
    private let signals = StopSignals()
    private let stopping = Atomic(false)
    private let installed = Atomic(true)

    /// On the first of `StopSignals.numbers`, `stop` runs on a thread of its own and the
    /// process exits with 128 plus the signal's number, as a shell reports a process the
    /// signal ended.
    public init(_ stop: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in
            var number: Int32?
            while number == nil { number = signals.next() }
            stopping.store(true, ordering: .releasing)
            stop()
            exit(128 + (number ?? 0))
        }
        thread.name = "stop-on-signals"
        thread.start()
    }

    /// Whether a signal came and the process is about to exit with it.
    public var isStopping: Bool { stopping.load(ordering: .acquiring) }

    /// The one way out once a signal came: the command's own error or clean-up path, which
    /// the stopped children set off, waits here for the signal's exit instead of racing
    /// it with an exit of its own.
    public func yieldToSignal() {
        while isStopping { sleep(1) }
    }

    /// Hands the signals back: their default action, or whatever catches them next.
    public func cancel() {
        guard installed.exchange(false, ordering: .acquiringAndReleasing) else { return }
        signals.restoreDefaults()
    }
}
