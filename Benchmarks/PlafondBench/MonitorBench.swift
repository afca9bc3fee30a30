import ArgumentParser
import Contracts
import Domain
import Foundation
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
    @Option(help: "Lines per consumer batch (one transaction).") var batch = MonitorCore.consumerBatchSize
    @Option(help: "Folder for the SQLite files.") var map = NSTemporaryDirectory()

    func run() throws {
        let lines = BenchLines(count: regels, providers: 3_000, gemeenten: 342)
        let events = try lines.events()
        let run = MonitorRun(folder: map, batch: batch)
        var baseline = 0.0
        print("norms\tlines/s\tvs no norms\tmatches/line")
        for count in [0] + normen {
            let rate = try run.measure(events: events) { core in
                if count > 0 { _ = try core.importNorms(NormImportRequest(norms: BenchNorms.make(count))) }
            }.linesPerSecond
            if count == 0 { baseline = rate }
            let matches = BenchNorms.matchesPerLine(count, lines: lines)
            print(
                "\(count)\t\(Int(rate))\t\(String(format: "%.2f", rate / baseline))\t\(String(format: "%.2f", matches))"
            )
        }
    }
}
