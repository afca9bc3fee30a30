import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// SIGINT, SIGTERM and SIGHUP, caught by a plain `sigaction` handler that writes each
/// one's number to a pipe, for a command that runs other processes and must stop them
/// when it is told to stop (Ctrl-C, `kill` or systemd, a closed terminal).
///
/// Dispatch signal sources after `SIG_IGN` were used first: on Linux a signal sent to the
/// process was sometimes dropped as ignored, and the demo ran on with its services. A
/// handler only does async-signal-safe work, so it writes one byte; the command reads it
/// when it suits. The newest instance receives the signals: one in use at a time.
public final class StopSignals: Sendable {
    /// The signals that mean "stop": interrupt, terminate, hang-up.
    public static let numbers: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private let readEnd: Int32

    public init() {
        var ends: [Int32] = [0, 0]
        precondition(pipe(&ends) == 0, "no pipe for the signal handler: \(errno)")
        readEnd = ends[0]
        signalPipeWriteEnd.store(ends[1], ordering: .releasing)
        for number in Self.numbers {
            var action = sigaction()
            action.__sigaction_handler = .init(sa_handler: forwardSignal)
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
    }

    /// The next signal's number, waiting at most `milliseconds` (-1: as long as it takes);
    /// nil when none came in that time.
    public func next(waitingMilliseconds milliseconds: Int32 = -1) -> Int32? {
        var ready = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
        guard poll(&ready, 1, milliseconds) == 1 else { return nil }
        var number: UInt8 = 0
        return read(readEnd, &number, 1) == 1 ? Int32(number) : nil
    }

    /// The signals' default actions again.
    public func restoreDefaults() {
        for number in Self.numbers { signal(number, SIG_DFL) }
    }
}

/// The pipe's write end, for the handler.
private let signalPipeWriteEnd = Atomic<Int32>(-1)

private func forwardSignal(_ number: Int32) {
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(signalPipeWriteEnd.load(ordering: .acquiring), &byte, 1)
}
