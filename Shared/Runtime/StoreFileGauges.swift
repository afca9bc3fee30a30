import Foundation
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
