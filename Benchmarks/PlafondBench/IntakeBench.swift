import ArgumentParser
import Domain
import Foundation
import IJW
import Messaging

/// Intake throughput, durable, with JW323s of `--regels` lines (each provider one per
/// gemeente per month, ten gemeenten), end to end through the real intake executable, against two limits measured in the same run on the same
/// machine: a minimal batched SQLite program inserting the same rows, and libzmq's raw
/// PUSH/PULL at the same message size.
struct IntakeBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake", abstract: "Intake: lines/s end to end against SQLite and ZeroMQ limits.")

    @Option(help: "Concurrent provider systems.") var aanbieders = 4
    @Option(help: "Declarations per provider.") var berichten = 25
    @Option(help: "Lines per declaration.") var regels = 1_000
    @Option(help: "First of the ports intake uses (and the two after it, and +9).") var poort = 17_570

    func validate() throws {
        let most = LoadDeclaration.capacity(gemeenten: LoadDeclaration.gemeenten.count)
        guard (1...most).contains(berichten) else {
            throw ValidationError("berichten 1–\(most): one declaration per gemeente per month, five years back")
        }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("plafond-bench-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // One declaration per gemeente per month, as a provider sends them (TR318).
        let last = Day.today().month.previous
        let documents = (0..<aanbieders).map { provider in
            (0..<berichten).map { message in
                let slot = LoadDeclaration.slot(
                    message: message, count: berichten, gemeenten: LoadDeclaration.gemeenten, last: last)
                return LoadDeclaration.make(
                    run: "B", client: provider, message: message, lines: regels, month: slot.month,
                    gemeente: slot.gemeente, dagtekening: Day.today())
            }
        }
        let messageBytes = documents[0][0].count
        print("\(aanbieders) × \(berichten) declarations of \(regels) lines (\(messageBytes / 1024) KiB each)")

        let endToEnd = try IntakeRun(folder: folder, port: poort).measure(documents, linesPerDocument: regels)
        let sqlite = try SQLiteBaseline(folder: folder).measure(rows: aanbieders * berichten * regels, batch: regels)
        let zeromq = try ZeroMQBaseline(port: poort + 50).measure(
            messages: aanbieders * berichten, size: messageBytes, linesPerMessage: regels)
        let lower = min(sqlite, zeromq)
        print("")
        print("what\tlines/s\tvs lower limit")
        print("intake end to end (durable)\t\(Int(endToEnd))\t\(String(format: "%.1f%%", endToEnd / lower * 100))")
        print("SQLite batched insert, same rows\t\(Int(sqlite))\t\(String(format: "%.1f%%", sqlite / lower * 100))")
        print("ZeroMQ PUSH/PULL, same size\t\(Int(zeromq))\t\(String(format: "%.1f%%", zeromq / lower * 100))")
    }
}
