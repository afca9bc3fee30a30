import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Stops the processes a command started when the command itself is told to stop.
///
/// Ctrl-C alone is not enough: a closed terminal sends SIGHUP, `kill` and systemd send
/// SIGTERM, and either left the four services and the SMTP sink running, holding their
/// ports, so that the next demo or benchmark could not start its sink. (A `kill -9` of
/// the command cannot be caught; its children then stay until stopped by hand.)
public final class StopOnSignals {
    /// The signals that mean "stop": interrupt, terminate, hang-up.
    public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private var sources: [any DispatchSourceSignal] = []

    /// On the first of `signals`, `stop` runs and the process exits with 128 plus the
    /// signal's number, as a shell reports a process the signal ended.
    public init(_ stop: @escaping () -> Void) {
        for number in Self.signals {
            // Dispatch sources see a signal only once its default action is off.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                stop()
                exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Hands the signals over to whatever installs its own sources next.
    public func cancel() {
        sources.forEach { $0.cancel() }
        sources = []
    }
}
