/// How long to wait before trying a failed store write again: doubling from `first` up
/// to `longest`, back to `first` after a success.
///
/// A full disk (SQLITE_FULL) or a failing one (SQLITE_IOERR) is not fixed by trying five
/// times a second: that only fills the log, on the same disk perhaps. As PostgreSQL does,
/// the service stays up, refuses or postpones writes, and tries again at a calm pace.
public struct RetryBackoff: Sendable {
    public let first: Duration
    public let longest: Duration
    public private(set) var failures = 0

    public init(first: Duration = .milliseconds(200), longest: Duration = .seconds(30)) {
        self.first = first
        self.longest = longest
    }

    /// Records a failure; returns how long to wait before the next try.
    public mutating func failed() -> Duration {
        failures += 1
        var wait = first
        for _ in 1..<failures {
            wait *= 2
            if wait >= longest { return longest }
        }
        return min(wait, longest)
    }

    public mutating func succeeded() {
        failures = 0
    }
}
