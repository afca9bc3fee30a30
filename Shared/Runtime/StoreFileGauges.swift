import Foundation
import Messaging
import Metrics

/// `plafond_store_bytes{file="database|wal"}`: the size of a service's SQLite file and its
/// write-ahead log, read when `/metrics` is scraped (a WAL that keeps growing means
/// checkpoints are starved; a disk filling up shows here first).
public struct StoreFileGauges: Sendable {
    let path: String
    let database = Gauge(label: "plafond_store_bytes", dimensions: [("file", "database")])
    let wal = Gauge(label: "plafond_store_bytes", dimensions: [("file", "wal")])

    public init(path: String) { self.path = path }

    public func update() {
        database.record(Self.size(path))
        wal.record(Self.size(path + "-wal"))
    }

    static func size(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.int64Value ?? 0
    }
}

/// The readiness checks every service shares.
public enum CommonReadiness {
    /// The store answers a read.
    public static func store(_ read: () throws -> Void) -> ReadinessCheck {
        do {
            try read()
            return ReadinessCheck("store", problem: nil)
        } catch {
            return ReadinessCheck("store", problem: "\(error)")
        }
    }

    public static func listening(_ name: String, _ listening: Bool) -> ReadinessCheck {
        ReadinessCheck(name, problem: listening ? nil : "not bound yet")
    }

    /// What a service with a store, its own event log, sockets and consumers needs.
    public static func service(
        store: () throws -> Void, eventLog: EventLogPublisher, sockets: [(String, ListeningFlag)],
        consumers: [EventLogSubscriber], maxLag: Int
    ) -> [ReadinessCheck] {
        [Self.store(store), listening("event log", eventLog.boundEndpoints != nil)]
            + sockets.map { listening($0.0, $0.1.isListening) }
            + consumers.map {
                let status = $0.status
                return ReadinessCheck(
                    "consumer \(status.producer)", problem: status.problem(maxLag: Int64(maxLag)))
            }
    }
}
