import Foundation

/// The lockout rule as a pure decision: after `maximumFailures` wrong passwords in a row
/// an account is locked for `lockout`; a lock that has passed counts as no lock. Kept
/// apart from storage so it is tested without a clock or a database.
struct LoginThrottle: Sendable, Equatable {
    var maximumFailures = 5
    var lockout: Duration = .seconds(15 * 60)

    enum Verdict: Equatable {
        /// Check the password.
        case tryPassword
        /// Refuse without checking, until this moment.
        case locked(until: Date)
    }

    func verdict(lockedUntil: Date?, now: Date) -> Verdict {
        if let lockedUntil, lockedUntil > now { return .locked(until: lockedUntil) }
        return .tryPassword
    }

    /// The failures and lock after one more wrong password.
    func afterFailure(failedAttempts: Int, now: Date) -> (failedAttempts: Int, lockedUntil: Date?) {
        let failures = failedAttempts + 1
        guard failures >= maximumFailures else { return (failures, nil) }
        return (0, now.addingTimeInterval(Double(lockout.components.seconds)))
    }
}
