import Foundation
import LocalSystem
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized) struct StopSignalsTests {
    /// The handler only writes the signal's number to its pipe; `next` reads it back.
    @Test func aSignalSentToTheProcessIsReadFromThePipe() throws {
        let signals = StopSignals()
        defer { signals.restoreDefaults() }
        #expect(signals.next(waitingMilliseconds: 0) == nil)
        kill(getpid(), SIGHUP)
        #expect(signals.next(waitingMilliseconds: 2_000) == SIGHUP)
        #expect(signals.next(waitingMilliseconds: 0) == nil)
    }
}
