import ArgumentParser
import Contracts
import Domain
import Foundation
import Logging
import Messaging
import MonitorService

/// Lines per second through monitor's ledger (the consumer's transaction: spend cells,
/// every matching norm's month and value, alerts, stop advice) for several numbers of
/// norms, against the same lines with no norm at all as the baseline. The store is a
/// real SQLite file in WAL mode, written exactly as the service writes it.
struct MonitorBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor", abstract: "Monitor: lines per second with 10 and 10,000 norms against none.")

    @Option(help: "Numbers of norms to measure (0 is always measured first).") var normen: [Int] = [10, 10_000]
    @Option(help: "Lines per run.") var regels = 100_000
    @Option(help: "Lines per consumer batch (one transaction).") var batch = 1_000
    @Option(help: "Folder for the SQLite files.") var map = NSTemporaryDirectory()

    func run() throws {
        let lines = BenchLines(count: regels, providers: 3_000, gemeenten: 342)
        var baseline = 0.0
        print("norms\tlines/s\tvs no norms\tmatches/line")
        for count in [0] + normen {
            let (rate, matches) = try measure(norms: count, lines: lines)
            if count == 0 { baseline = rate }
            print(
                "\(count)\t\(Int(rate))\t\(String(format: "%.2f", rate / baseline))\t\(String(format: "%.2f", matches))"
            )
        }
    }

    private func measure(norms count: Int, lines: BenchLines) throws -> (Double, Double) {
        let folder = URL(fileURLWithPath: map).appendingPathComponent("plafond-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try MonitorDatabase.open(path: folder.appendingPathComponent("monitor.sqlite").path)
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let core = try MonitorCore(database: database, logger: logger)
        if count > 0 { _ = try core.importNorms(NormImportRequest(norms: BenchNorms.make(count))) }
        let events = try lines.events()
        let sink = core.intakeSink(afterCommit: {})
        let start = DispatchTime.now().uptimeNanoseconds
        var index = 0
        while index < events.count {
            try sink.apply(Array(events[index..<min(index + batch, events.count)]))
            index += batch
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return (Double(events.count) / seconds, BenchNorms.matchesPerLine(count, lines: lines))
    }
}
