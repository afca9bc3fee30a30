import Metrics

/// Where one consumer of a producer's event log stands.
public struct ConsumerStatus: Sendable, Equatable {
    public var producer: String
    /// The last seq applied to this store (-1 before the cursor was read).
    public var applied: Int64
    /// The producer's head as last heard (-1 before anything was heard).
    public var producerHead: Int64
    /// Since the last heartbeat or catch-up reply; nil when none came yet.
    public var secondsSinceHeard: Double?

    public var lag: Int64 { max(0, producerHead - applied) }

    /// Connected (heard within `silence` seconds; heartbeats come every second) and at
    /// most `maxLag` events behind; otherwise why not.
    public func problem(maxLag: Int64, silence: Double = 5) -> String? {
        guard let seconds = secondsSinceHeard, seconds <= silence else {
            return "no word from \(producer)'s event log for more than \(Int(silence)) s"
        }
        guard lag <= maxLag else { return "\(lag) events behind \(producer) (at most \(maxLag))" }
        return nil
    }
}

/// `plafond_eventlog_consumer_cursor`, `…_producer_head` and `…_consumer_lag`, per log.
final class ConsumerGauges: Sendable {
    let cursor: Gauge
    let head: Gauge
    let lag: Gauge

    init(producer: String) {
        cursor = Gauge(label: "plafond_eventlog_consumer_cursor", dimensions: [("log", producer)])
        head = Gauge(label: "plafond_eventlog_producer_head", dimensions: [("log", producer)])
        lag = Gauge(label: "plafond_eventlog_consumer_lag", dimensions: [("log", producer)])
    }

    func update(applied: Int64, head seen: Int64) {
        cursor.record(applied)
        if seen >= 0 {
            head.record(seen)
            lag.record(max(0, seen - applied))
        }
    }
}
