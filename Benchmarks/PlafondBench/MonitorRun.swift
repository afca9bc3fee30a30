import Contracts
import Domain
import Foundation
import GRDB
import Logging
import Messaging
import MonitorService
import Storage

/// One measured pass of intake's events through monitor's real consumer, on a fresh store
/// file in WAL mode written exactly as the service writes it. Shared by `monitor` and `pace`.
struct MonitorRun {
    var folder: String
    var batch: Int
    /// Stops early (and reports the rate so far) when a shape is too slow to finish.
    var maxSeconds: Double = .infinity

    struct Result {
        var linesPerSecond: Double
        var linesApplied: Int
    }

    /// `prepare` runs before the clock starts: norms, clients already known.
    func measure(
        events: [LoggedEvent], prepare: (MonitorCore) throws -> Void = { _ in }
    ) throws -> Result {
        let directory = URL(fileURLWithPath: folder).appendingPathComponent("plafond-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try MonitorDatabase.open(path: directory.appendingPathComponent("monitor.sqlite").path)
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        try prepare(try MonitorCore(database: database, logger: logger))
        // What the preparation wrote (1.8 million months of care in `pace`) reaches the
        // file now: left in the WAL, its checkpoint would land in the first timed batch.
        // The store's own checkpointer may be copying the preparation right now.
        try WALCheckpointer.truncate(database.writer, waiting: .seconds(60))
        // Started afresh, as the service starts: whatever monitor rebuilds at start is not timed.
        let core = try MonitorCore(database: database, logger: logger)
        let sink = core.intakeSink(afterCommit: {})
        let start = DispatchTime.now().uptimeNanoseconds
        var index = 0
        var seconds = 0.0
        while index < events.count {
            try sink.apply(Array(events[index..<min(index + batch, events.count)]))
            index = min(index + batch, events.count)
            seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if seconds > maxSeconds { break }
        }
        return Result(linesPerSecond: Double(index) / seconds, linesApplied: index)
    }
}
