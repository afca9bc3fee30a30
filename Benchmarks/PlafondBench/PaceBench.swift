import ArgumentParser
import Contracts
import Domain
import Foundation
import IJW
import MonitorService

/// Whether monitor keeps pace with intake (issue 21): intake's end-to-end lines/s, then
/// monitor's on a country's shape (`PaceShape`) with no norms and with all of them, back to
/// back in one run on one machine. The last line is `monitor/intake`.
struct PaceBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pace", abstract: "Monitor against intake, back to back: monitor/intake as the last line.")

    @Option(help: "Intake: concurrent provider systems.") var aanbieders = 4
    @Option(help: "Intake: declarations per provider.") var berichten = 25
    @Option(help: "Intake: lines per declaration.") var intakeRegels = 1_000
    @Option(help: "First of the ports intake uses (and the two after it, and +9).") var poort = 17_590
    @Option(help: "Monitor: lines per run.") var regels = 100_000
    @Option(help: "Monitor: lines per consumer batch (one transaction).") var batch = MonitorCore.consumerBatchSize
    @Option(help: "Monitor: money norms beside the instroom- and intensity norms.") var normen = 10_000
    @Option(help: "Monitor: large providers (half the lines).") var groot = 20
    @Option(help: "Monitor: clients per large provider.") var clienten = 60_000
    @Option(
        help: "Monitor: lines per declaration, arriving together as intake logs them (0: every line mixed).")
    var perDeclaratie = 0
    @Flag(help: "Monitor: every line names an allocation number of its own (default: one per client).")
    var toewijzingPerRegel = false
    @Option(help: "Monitor: stop a run after this many seconds and report its rate so far.") var maxSeconden = 300.0
    @Option(help: "Folder for the SQLite files.") var map = NSTemporaryDirectory()

    func run() throws {
        let folder = URL(fileURLWithPath: map).appendingPathComponent("plafond-bench-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let documents = (0..<aanbieders).map { provider in
            (0..<berichten).map { message in
                LoadDeclaration.make(
                    run: "P", client: provider, message: message, lines: intakeRegels,
                    month: Day.today().month.previous, gemeente: "0268", dagtekening: Day.today())
            }
        }
        let intake = try IntakeRun(folder: folder, port: poort).measure(documents, linesPerDocument: intakeRegels)
        print("intake end to end (durable)\t\(Int(intake)) lines/s")

        let shape = PaceShape(
            lines: regels, largeProviders: groot, clientsPerProvider: clienten, moneyNorms: normen,
            declarationLines: perDeclaratie, allocationPerLine: toewijzingPerRegel)
        let events = try shape.events()
        let run = MonitorRun(folder: folder.path, batch: batch, maxSeconds: maxSeconden)
        let bare = try run.measure(events: events) { core in try shape.knownClients(core.database) }
        print("monitor, no norms\t\(Self.rate(bare.linesPerSecond)) lines/s\t(\(bare.linesApplied) lines)")
        let norms = shape.norms()
        let full = try run.measure(events: events) { core in
            try shape.knownClients(core.database)
            _ = try core.importNorms(NormImportRequest(norms: norms))
        }
        print(
            "monitor, \(norms.count) norms (\(groot) large providers × \(clienten) clients)\t"
                + "\(Self.rate(full.linesPerSecond)) lines/s\t(\(full.linesApplied) lines)")
        print("monitor with norms / without\t\(String(format: "%.2f", full.linesPerSecond / bare.linesPerSecond))")
        print("monitor/intake\t\(String(format: "%.2f", full.linesPerSecond / intake))")
    }

    /// Whole lines per second, or one decimal where a shape is that slow.
    static func rate(_ value: Double) -> String {
        value >= 100 ? String(Int(value)) : String(format: "%.1f", value)
    }
}
