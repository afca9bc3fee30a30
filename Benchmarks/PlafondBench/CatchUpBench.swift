import ArgumentParser
import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import MonitorService
import Storage

/// A consumer far behind catches up over the real event log (PUB + catch-up ROUTER over
/// loopback TCP, batches of 1,000, the cursor committed with each batch), against the
/// same events read straight from the producer's SQLite outbox in the same run.
struct CatchUpBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catchup", abstract: "Event log: a consumer N events behind catching up, events/s.")

    @Option(help: "Events behind.") var events = 1_000_000
    @Option(help: "First of two free ports.") var poort = 17_700
    @Flag(help: "Also measure monitor's real consumer (spend, norms, alerts) on the same log.") var monitor = false

    func run() async throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("plafond-catchup-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var migrator = DatabaseMigrator()
        Outbox.registerMigrations(&migrator)
        let producer = try StoreOpener.open(
            path: folder.appendingPathComponent("producer.sqlite").path, migrator: migrator)
        print("Writing \(events) line.accepted events to the producer's outbox…")
        let lines = BenchLines(count: events, providers: 3_000, gemeenten: 342)
        var written = 0
        while written < events {
            let range = written..<min(written + 10_000, events)
            try await producer.write { db in
                for i in range {
                    _ = try Outbox.append(
                        db, kind: LineAccepted.kind, body: try LineAccepted(line: lines.line(i)).encoded())
                }
            }
            written = range.upperBound
        }
        let source = OutboxEventSource(reader: producer)

        // Baseline: the same events read from the outbox in the same batch size.
        var started = DispatchTime.now().uptimeNanoseconds
        var after: Int64 = 0
        while after < Int64(events) {
            let batch = try source.events(after: after, limit: 1_000)
            guard let last = batch.last else { break }
            after = last.seq
        }
        let readRate = Double(events) / Self.seconds(since: started)

        // The event log: a consumer store with only its cursor, applying nothing else.
        var consumerMigrator = DatabaseMigrator()
        ConsumerCursor.registerMigrations(&consumerMigrator)
        let consumer = try StoreOpener.open(
            path: folder.appendingPathComponent("consumer.sqlite").path, migrator: consumerMigrator)
        let cursorOnly = TransactionalEventSink(writer: consumer, producer: "bench") { _, _ in }
        started = DispatchTime.now().uptimeNanoseconds
        try await follow(source: source, sink: cursorOnly)
        let logRate = Double(events) / Self.seconds(since: started)

        print("")
        print("what\tevents/s\tvs reading the outbox")
        print("reading the producer's outbox directly\t\(Int(readRate))\t100%")
        print(
            "catch-up over the event log, cursor committed per batch\t\(Int(logRate))\t\(String(format: "%.0f%%", logRate / readRate * 100))"
        )
        if monitor {
            var logger = Logger(label: "bench")
            logger.logLevel = .warning
            let core = try MonitorCore(
                database: try MonitorDatabase.open(path: folder.appendingPathComponent("monitor.sqlite").path),
                logger: logger)
            started = DispatchTime.now().uptimeNanoseconds
            _ = try core.importNorms(NormImportRequest(norms: BenchNorms.make(10_000)))
            // What an operator waits for `plafond norm import` of a country's norms, and
            // how long monitor's consumer stands still meanwhile (one transaction).
            print(
                "importing 10,000 norms (one admin request)\t\(String(format: "%.1f", Self.seconds(since: started))) s")
            started = DispatchTime.now().uptimeNanoseconds
            try await follow(
                source: source, sink: core.intakeSink(afterCommit: {}), batchSize: MonitorCore.consumerBatchSize,
                catchUpBatchSize: MonitorCore.catchUpBatchSize)
            let monitorRate = Double(events) / Self.seconds(since: started)
            print(
                "catch-up by monitor with 10,000 norms\t\(Int(monitorRate))\t\(String(format: "%.0f%%", monitorRate / readRate * 100))"
            )
            // The same work handed straight to a second monitor's sink, batch by batch:
            // what the event log between them costs a consumer this busy.
            let direct = try MonitorCore(
                database: try MonitorDatabase.open(path: folder.appendingPathComponent("direct.sqlite").path),
                logger: logger)
            _ = try direct.importNorms(NormImportRequest(norms: BenchNorms.make(10_000)))
            let sink = direct.intakeSink(afterCommit: {})
            started = DispatchTime.now().uptimeNanoseconds
            after = 0
            while after < Int64(events) {
                let batch = try source.events(after: after, limit: MonitorCore.catchUpBatchSize)
                guard let last = batch.last else { break }
                try sink.apply(batch)
                after = last.seq
            }
            let directRate = Double(events) / Self.seconds(since: started)
            print(
                "monitor with 10,000 norms, batches handed over directly\t\(Int(directRate))\t\(String(format: "%.0f%%", directRate / readRate * 100))"
            )
        }
    }

    /// Runs a publisher on the source and a subscriber into the sink until it is level.
    private func follow(
        source: OutboxEventSource, sink: any EventSink, batchSize: Int = 1_000, catchUpBatchSize: Int? = nil
    ) async throws {
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let context = ZMQContext()
        defer { context.terminate() }
        let publisher = EventLogPublisher(
            context: context, publishEndpoint: "tcp://127.0.0.1:\(poort)",
            catchUpEndpoint: "tcp://127.0.0.1:\(poort + 1)",
            source: source, logger: logger)
        let subscriber = EventLogSubscriber(
            context: context, producer: "bench", publishEndpoint: "tcp://127.0.0.1:\(poort)",
            catchUpEndpoint: "tcp://127.0.0.1:\(poort + 1)", sink: sink, batchSize: batchSize,
            catchUpBatchSize: catchUpBatchSize, logger: logger)
        let target = Int64(events)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await publisher.run() }
            group.addTask { try await subscriber.run() }
            let level = await subscriber.waitUntilApplied(target, timeout: .seconds(3_600))
            group.cancelAll()
            guard level else { throw BenchError("the consumer reached \(subscriber.applied) of \(target)") }
        }
    }

    static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
