import Foundation

/// When to try a failed delivery again: exponential backoff with full jitter, capped.
///
/// Pure, with the random source injected, so the schedule is tested without clocks.
public struct RetrySchedule: Sendable, Equatable {
    public var base: TimeInterval = 5
    public var cap: TimeInterval = 3600
    public var maxAttempts: Int

    public init(maxAttempts: Int, base: TimeInterval = 5, cap: TimeInterval = 3600) {
        self.maxAttempts = maxAttempts
        self.base = base
        self.cap = cap
    }

    /// The delay before attempt `attempts + 1`, or nil when the delivery has failed for good.
    /// `unit` is a random number in 0..<1.
    public func delay(afterAttempts attempts: Int, unit: Double) -> TimeInterval? {
        guard attempts < maxAttempts else { return nil }
        let ceiling = min(cap, base * pow(2, Double(max(0, attempts - 1))))
        return ceiling / 2 + ceiling / 2 * unit
    }
}
