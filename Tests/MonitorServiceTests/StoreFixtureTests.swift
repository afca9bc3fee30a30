import Contracts
import Domain
import Foundation
import GRDB
import Logging
import Messaging
import Storage
import Testing

@testable import MonitorService

/// A store written by release 0.16.0 opens, migrates forward and counts on: migrations are
/// append-only, and what 0.16.0 kept (values, months, alerts, stops, advice) is what the
/// ledger's state starts from.
///
/// `Fixtures/monitor-0.16.0.sqlite` was written by commit d0180df's `MonitorCore` (clock
/// 2026-05-28T20:26:40Z): providers named; five norms (a bestedingsruimte for 12345678 in
/// 0268, a Q1 signaalplafond on 0268 and 0209, an instroomtarget, an intensiteitsnorm, and
/// a bestedingsruimte later ended); a referral, a start of care, eight lines and a credit;
/// a stop imposed on norm 1, an exemption, norm 1's limit lowered to 90,000, norm 5 ended,
/// an analysegesprek; then one more line (a new client, p-3).
@Suite struct StoreFixtureTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/monitor-0.16.0.sqlite")
    static let clock = Date(timeIntervalSince1970: 1_780_000_000)

    func openCopy() throws -> (MonitorCore, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plafond-fixture-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("monitor.sqlite")
        try FileManager.default.copyItem(at: Self.fixture, to: path)
        let core = try MonitorCore(
            database: try MonitorDatabase.open(path: path.path), clock: { Self.clock }, logger: Logger(label: "fixture")
        )
        return (core, folder)
    }

    @Test func aStoreWrittenByRelease0_16OpensWithItsFiguresAndAlerts() throws {
        let (core, folder) = try openCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            try core.normStatuses().map { "\($0.norm.id) \($0.value) \($0.firing) \($0.norm.ended)" } == [
                "1 73000 [70] false", "2 81000 [70, 90, 100] false", "3 3 [70, 90, 100] false",
                "4 10292 [100] false", "5 9000 [] true",
            ])
        #expect(try core.alerts(state: "firing").map(\.id) == [13, 12, 11, 7, 6, 5, 4, 3, 2, 1])
        #expect(try core.alerts(state: "resolved").map(\.id) == [10, 9, 8])
        let first = try #require(try core.alerts(state: nil).last)
        #expect(first.firedAt == "2026-05-28T20:26:40Z")
        // The migrations since have run: the first-seen table monitor no longer keeps is gone,
        // and the months of care live in the volume cells (0.19.0).
        let tables = try core.database.writer.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") }
        #expect(!tables.contains("clientCareMonth") && !tables.contains("clientFirstSeen"), "\(tables)")
    }

    /// The ledger state read from the old store goes on where 0.16.0 left off: norm 1's
    /// months and its one firing alert, the stop in force, the instroom count.
    @Test func aStoreWrittenByRelease0_16CountsOn() throws {
        let (core, folder) = try openCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let june = Month(year: 2026, month: 6)!
        let line = DeclaredLine(
            lineID: 300, aanbieder: "12345678", gemeente: "0268", client: "p-4", referentieNummer: "RN300",
            vorigReferentieNummer: nil, toewijzingNummer: "T300", productCategorie: "45", productCode: "45A03",
            periodStart: june.firstDay, periodEnd: june.lastDay, volume: 2, eenheid: "04", tariffCents: 10_000,
            amountCents: 20_000, declaratieNummer: "DN", receivedOn: june.next.firstDay)
        let before = try OutboxEventSource(reader: core.database.writer).events(after: 0, limit: 1_000).count
        try core.intakeSink(afterCommit: {}).apply([
            LoggedEvent(seq: 13, kind: LineAccepted.kind.rawValue, body: try LineAccepted(line: line).encoded())
        ])
        let statuses = Dictionary(uniqueKeysWithValues: try core.normStatuses().map { ($0.norm.id, $0) })
        #expect(statuses[1]?.value == 93_000)
        #expect(statuses[1]?.firing == [70, 90, 100])
        #expect(statuses[3]?.value == 4)
        let new = try OutboxEventSource(reader: core.database.writer).events(after: Int64(before), limit: 1_000)
        let fired = try new.filter { $0.kind == AlertFiring.kind.rawValue }.map {
            try AlertFiring.decoded(from: $0.body)
        }
        // Norm 1 crosses 90 and 100; the instroomtarget (norm 3) is forecast since issue 19,
        // and its projection to the period's end now passes the target: a forecast alert.
        #expect(
            fired.map { "\($0.alertID) \($0.norm.id) \($0.alertKind.rawValue) \($0.threshold)" } == [
                "14 1 actual 90", "15 1 actual 100", "16 3 forecast 100",
            ])
        // p-4 is new to the provider after the stop on norm 1 was imposed: flagged.
        let inflow = try new.filter { $0.kind == InflowDuringStop.kind.rawValue }.map {
            try InflowDuringStop.decoded(from: $0.body)
        }
        #expect(inflow.map { "\($0.normID) \($0.client)" } == ["1 p-4"])
    }
}
