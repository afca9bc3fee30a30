import Metrics
import Synchronization

/// What a service's own event log has published: its head and every event by kind.
///
/// The log holds only committed facts, and each is published once per run, so these
/// counters are the service's work as it really happened: `line.accepted` on intake,
/// `alert.firing` and `alert.resolved` on monitor, `notification.sent` and
/// `notification.failed` on notifier (docs/OPERATIONS.md).
final class PublishedEventMetrics: Sendable {
    let head = Gauge(label: "plafond_eventlog_head")
    private let counters = Mutex<[String: Counter]>([:])

    func published(_ kind: String) {
        counters.withLock { counters in
            if let counter = counters[kind] { return counter }
            let counter = Counter(label: "plafond_events_published_total", dimensions: [("kind", kind)])
            counters[kind] = counter
            return counter
        }.increment()
    }
}
