import Contracts
import Domain
import Fixtures
import Foundation
import GRDB
import Storage
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A full disk under monitor, notifier or reporter, in turn: the service stays up (notifier
/// once stopped with `SQLite error 13 … COMMIT`), retries at a calm pace, and once space
/// returns every alert is mailed under one Message-ID and every figure is exact. Each
/// service's store is on a small tmpfs of its own (root, as on CI).
@Suite(.serialized)
struct ServiceDiskFullTests {
    let month = Day.today().month.previous
    let notify = NotifierDeliveryTests()

    @Test(
        .enabled(if: FullDiskTests.canMount, "needs root to mount a small tmpfs"),
        arguments: ["notifier", "monitor", "reporter"])
    func aServiceWhoseDiskIsFullWaitsAndLosesOrDoublesNothing(service: String) async throws {
        let system = try RunningSystem(notifierSettings: "retry_base = \"1s\"\ngroup_interval = \"1s\"")
        defer { system.shutDown() }
        let small = system.folder.appendingPathComponent("small-\(service)")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        #expect(FullDiskTests.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", small.path]) == 0)
        defer { FullDiskTests.run(["umount", "-l", small.path]) }
        // The same configuration, with this service's data on the small disk.
        let own = system.folder.appendingPathComponent("\(service).toml")
        let shared = try String(contentsOf: system.configurationFile, encoding: .utf8)
        let dataLine = try #require(shared.split(separator: "\n").first { $0.hasPrefix("data = ") })
        try shared.replacingOccurrences(of: String(dataLine), with: "data = \"\(small.path)\"")
            .write(to: own, atomically: true, encoding: .utf8)

        for name in ["intake", "monitor", "notifier", "reporter"] {
            try system.start(name, configuration: name == service ? own : nil)
        }
        #expect(await system.eventually { try await system.httpGet("/api/norms").status == 200 })
        try notify.addNorm(system)
        #expect(await system.eventually { try await spent(system) == 0 })
        let filler = small.appendingPathComponent("filler")
        var snapshot: DatabaseQueue?
        // The disk fills up: a file takes whatever room is left.
        func fill() { FullDiskTests.run(["dd", "if=/dev/zero", "of=\(filler.path)", "bs=64k"]) }

        if service == "notifier" {
            // As in the adversarial run: notifier holds messages it owes (the SMTP server
            // is down, so each retry records an attempt) when the disk fills.
            try declareThreeCrossings(system)
            #expect(
                await system.eventually(timeout: 30) {
                    let told = try notify.auditLog(system).flatMap(\.notifications)
                    return told.count == 3 && told.allSatisfy { $0.attempts >= 1 }
                }, "notifier log:\n\(system.log("notifier"))")
            fill()
            try await Task.sleep(for: .seconds(6))
            try system.startSMTP()
        } else {
            try system.startSMTP()
            // Monitor and reporter copy their WAL into the file beside the writer, so with
            // room in the WAL already a few lines need no new space at all. The WAL is
            // emptied first and a reader then holds a snapshot (a long report, a backup),
            // which keeps it from being reused: the writer's commits must find room on the
            // full disk.
            snapshot = try Self.holdSnapshot(of: small.appendingPathComponent("\(service).sqlite").path)
            fill()
            try declareThreeCrossings(system)
        }
        try await Task.sleep(for: .seconds(5))
        #expect(system.processes[service]?.isRunning == true, "\(service) stopped:\n\(system.log(service))")
        let log = system.log(service)
        #expect(
            log.contains("disk is full") || log.contains("disk I/O error"),
            "\(service) never met the full disk:\n\(log)")
        if service != "notifier" {
            // The consumer itself met it (not only the checkpointer) and is retrying its batch.
            #expect(
                log.contains("applying events failed; retrying from the stored cursor"),
                "\(service)'s consumer never met the full disk:\n\(log)")
        }

        // Space returns, and the reader lets go.
        try FileManager.default.removeItem(at: filler)
        try snapshot?.inDatabase { try $0.rollback() }
        snapshot = nil
        #expect(
            await system.eventually(timeout: 60) {
                let audit = try notify.auditLog(system)
                let told = audit.flatMap(\.notifications)
                return audit.count == 3 && !told.isEmpty && told.allSatisfy { $0.state == "sent" }
            }, "\(service) log:\n\(system.log(service))")
        let audit = try notify.auditLog(system)
        #expect(Set(audit.map(\.threshold)) == [70, 90, 100])
        #expect(audit.allSatisfy { $0.notifications.count == 1 }, "one mail per alert")
        // Every stored Message-ID arrived, and no other: a mail sent while its record could
        // not be written goes again under the same id, which receivers drop.
        try await Task.sleep(for: .seconds(2))
        let ids = Set(notify.messageIDs(system.mails()))
        #expect(ids == Set(audit.flatMap(\.notifications).compactMap(\.messageID).map { "<\($0)>" }))
        #expect(await system.eventually(timeout: 30) { try await spent(system) == 105_000 })
        let norms = try system.runCLI(["norm", "list", "--json"])
        let listed = try AdminCoding.decode([NormStatus].self, from: Data(norms.output.utf8))
        #expect(listed.map(\.value) == [105_000])
    }

    /// A read transaction left open on a store, as a long report holds one, on a WAL
    /// emptied first.
    static func holdSnapshot(of path: String) throws -> DatabaseQueue {
        let writer = try DatabaseQueue(path: path)
        try WALCheckpointer.truncate(writer, waiting: .seconds(5))
        try writer.close()
        var configuration = Configuration()
        configuration.readonly = true
        configuration.allowsUnsafeTransactions = true
        let reader = try DatabaseQueue(path: path, configuration: configuration)
        try reader.inDatabase { db in
            try db.beginTransaction(.deferred)
            _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master")
        }
        return reader
    }

    /// 75%, 95% and 105% of the limit: three thresholds, three alerts.
    func declareThreeCrossings(_ system: RunningSystem) throws {
        try notify.declare(system, 1, cents: 75_000)
        try notify.declare(system, 2, cents: 20_000)
        try notify.declare(system, 3, cents: 10_000)
    }

    func spent(_ system: RunningSystem) async throws -> Int? {
        let body = try await system.httpGet("/api/norms").body
        let figures = try JSONSerialization.jsonObject(with: body) as? [[String: Any]] ?? []
        return figures.first?["spent"] as? Int
    }
}
