import Domain
import Fixtures
import Foundation
import GRDB
import Testing

/// `plafond backup` while declarations arrive, then: a service's data lost and restored
/// (it catches up, nothing lost or doubled); a producer restored alone while its
/// consumers have read further (refused, with why); every store restored from the
/// backup (consistent: every figure is the sum over the restored intake's log).
@Suite(.serialized)
struct BackupRestoreTests {
    static let lineCents: Int64 = 6_420

    @Test func aBackupUnderLoadRestoresWithoutLosingOrDoublingAnything() async throws {
        let system = try RunningSystem()
        defer { system.shutDown() }
        try system.startSMTP()
        try system.startAll()
        let month = Day.today().month.previous
        let added = try system.runCLI([
            "norm", "add", "--naam", "Alles bij 0268", "--soort", "signaalplafond", "--gemeente", "0268",
            "--periode", "\(month.year)", "--grens", "€ 4.000,00", "--drempels", "50,90",
        ])
        #expect(added.status == 0, "\(added.output)")

        // Sixty providers, one declaration each; the backup runs while the last forty arrive.
        let declarations = 60
        for number in 1...20 { try declare(system, number, month: month) }
        let backupFolder = system.folder.appendingPathComponent("backup")
        let backup = Process()
        backup.executableURL = system.binaries.appendingPathComponent("plafond")
        backup.arguments = ["backup", backupFolder.path, "--config", system.configurationFile.path]
        let backupOutput = Pipe()
        backup.standardOutput = backupOutput
        backup.standardError = backupOutput
        try backup.run()
        for number in 21...declarations { try declare(system, number, month: month) }
        backup.waitUntilExit()
        let backupText = String(decoding: backupOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(backup.terminationStatus == 0, "\(backupText)")
        #expect(FileManager.default.fileExists(atPath: backupFolder.appendingPathComponent("manifest.json").path))
        let total = Int64(declarations) * Self.lineCents
        #expect(await system.eventually(timeout: 30) { try await reporterSpent(system) == total })
        #expect(try monitorValue(system) == total)
        // Both thresholds crossed after the backup: notifier has read monitor's log further.
        #expect(await system.eventually(timeout: 30) { !system.mails().isEmpty }, "\(system.log("notifier"))")

        // 1. The reporter's data is lost; restored from the backup it catches up, exactly.
        #expect(system.stop("reporter") != nil)
        try removeStores(["reporter", "reporter-accounts"], of: system)
        let restored = try system.runCLI(["restore", backupFolder.path, "--dienst", "reporter"])
        #expect(restored.status == 0, "\(restored.output)")
        try system.start("reporter")
        #expect(
            await system.eventually(timeout: 30) { try await reporterSpent(system) == total },
            "\(system.log("reporter"))")

        // 2. Monitor alone, older than what notifier and reporter have read of its log: refused.
        #expect(system.stop("monitor") != nil)
        let alone = try system.runCLI(["restore", backupFolder.path, "--dienst", "monitor"])
        #expect(alone.status == 1, "\(alone.output)")
        #expect(alone.output.contains("notifier heeft monitor al tot"), "\(alone.output)")
        #expect(!alone.output.contains("USAGE"))
        // A folder that holds no backup is refused in words, not with a file error.
        let nothing = try system.runCLI(["restore", system.folder.appendingPathComponent("geen-backup").path])
        #expect(nothing.status == 1 && nothing.output.contains("Geweigerd: geen backup in"), "\(nothing.output)")
        // A running service is not restored under its feet.
        let running = try system.runCLI(["restore", backupFolder.path, "--dienst", "intake"])
        #expect(running.status == 1 && running.output.contains("intake draait nog"), "\(running.output)")

        // 3. Everything from the backup: each figure is the sum over the restored intake's log.
        for service in ["intake", "notifier", "reporter"] { #expect(system.stop(service) != nil) }
        try FileManager.default.removeItem(at: system.folder.appendingPathComponent("data"))
        let all = try system.runCLI(["restore", backupFolder.path])
        #expect(all.status == 0, "\(all.output)")
        let accepted = try acceptedLines(in: system.folder.appendingPathComponent("data/intake.sqlite").path)
        #expect(accepted >= 20 && accepted <= Int64(declarations), "the backup holds what came before it")
        try system.startAll()
        let expected = accepted * Self.lineCents
        #expect(await system.eventually(timeout: 30) { try await reporterSpent(system) == expected })
        #expect(await system.eventually(timeout: 30) { try monitorValue(system) == expected })
        // And it goes on: a new declaration counts once, everywhere.
        try declare(system, declarations + 1, month: month)
        #expect(await system.eventually(timeout: 30) { try await reporterSpent(system) == expected + Self.lineCents })
        #expect(try monitorValue(system) == expected + Self.lineCents)
    }

    /// One declaration of one line (€ 64,20) from provider 2000_00NN.
    func declare(_ system: RunningSystem, _ number: Int, month: Month) throws {
        var declaration = JW323Fixture(
            identificatie: "BACKUP-\(number)", dagtekening: Day.today(), declaratieNummer: "DN-B-\(number)",
            periode: month,
            clients: [
                (
                    "999900006",
                    [.init(referentie: "RN-B-\(number)", month: month, volume: 1, tariefCents: Self.lineCents)]
                )
            ])
        declaration.afzender = String(format: "200000%02d", number)
        let answer = try system.submit(declaration.data)
        guard answer.contains("8001") else { throw E2EError("declaration \(number) not granted: \(answer)") }
    }

    func acceptedLines(in path: String) throws -> Int64 {
        let store = try DatabaseQueue(path: path)
        defer { try? store.close() }
        return try store.read {
            try Int64.fetchOne($0, sql: "SELECT COUNT(*) FROM outbox WHERE kind = 'line.accepted'") ?? 0
        }
    }

    func reporterSpent(_ system: RunningSystem) async throws -> Int64? {
        let body = try await system.httpGet("/api/norms").body
        let figures = try JSONSerialization.jsonObject(with: body) as? [[String: Any]] ?? []
        return (figures.first?["spent"] as? Int).map(Int64.init)
    }

    func monitorValue(_ system: RunningSystem) throws -> Int64? {
        let listed = try system.runCLI(["norm", "list", "--json"])
        let statuses = try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]] ?? []
        return (statuses.first?["value"] as? Int).map(Int64.init)
    }

    func removeStores(_ names: [String], of system: RunningSystem) throws {
        for name in names {
            for suffix in ["", "-wal", "-shm"] {
                let path = system.folder.appendingPathComponent("data/\(name).sqlite\(suffix)").path
                if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            }
        }
    }
}
