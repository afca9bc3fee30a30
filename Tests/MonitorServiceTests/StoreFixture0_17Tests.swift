import Contracts
import Foundation
import GRDB
import Logging
import Storage
import Testing

@testable import MonitorService

/// A store written by release 0.17.0 opens and migrates to norms in columns, and every
/// norm reads back as 0.17.0 itself decoded it from its JSON blob.
///
/// `Fixtures/monitor-0.17.0.sqlite.gz` was written by `plafond demo` of release 0.17.0
/// (f5a63ba's build), stopped after its fourth month of care (30 norms of all four kinds,
/// a regio with shares, an intensiteitsnorm, three alerts, a stop), copied with `VACUUM
/// INTO` and gzipped. `monitor-0.17.0-norms.json` holds its `norm.definition` blobs as
/// they were, the expected definitions.
@Suite struct StoreFixture0_17Tests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A fresh copy of the fixture, unzipped, in a folder of its own.
    static func unzippedCopy() throws -> (path: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plafond-fixture-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("monitor.sqlite").path
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = [
            "-c", "gzip -dc \"$0\" > \"$1\"", fixtures.appendingPathComponent("monitor-0.17.0.sqlite.gz").path, path,
        ]
        try gzip.run()
        gzip.waitUntilExit()
        try #require(gzip.terminationStatus == 0)
        return (path, folder)
    }

    static func expectedNorms() throws -> [NormDefinition] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("monitor-0.17.0-norms.json"))
        return try JSONDecoder().decode([NormDefinition].self, from: data)
    }

    @Test func everyNormOfA0_17StoreReadsBackFromItsColumns() throws {
        let (path, folder) = try Self.unzippedCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try MonitorDatabase.open(path: path)
        let expected = try Self.expectedNorms()
        #expect(expected.count == 30)
        let norms = try database.writer.read { try MonitorDatabase.loadNorms($0) }
        #expect(norms == expected)
        #expect(norms.contains { $0.shares != nil } && norms.contains { $0.intensity != nil })
        // The blob is gone: the columns are the only copy.
        let columns = try database.writer.read { try $0.columns(in: "norm").map(\.name) }
        #expect(!columns.contains("definition"))
    }

    @Test func a0_17StoreCountsOnWithItsAlertsAndStop() throws {
        let (path, folder) = try Self.unzippedCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let core = try MonitorCore(
            database: try MonitorDatabase.open(path: path), clock: { Date(timeIntervalSince1970: 1_780_000_000) },
            logger: Logger(label: "fixture"))
        let statuses = try core.normStatuses()
        #expect(statuses.count == 30)
        #expect(statuses.contains { $0.value > 0 })
        #expect(try core.alerts(state: nil).count == 3)
    }

    /// A norm changed after the migration is stored in the columns and read back whole.
    @Test func aNormChangedAfterTheMigrationReadsBackChanged() throws {
        let (path, folder) = try Self.unzippedCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try MonitorDatabase.open(path: path)
        var norm = try #require(try Self.expectedNorms().first { $0.shares != nil })
        norm.version += 1
        norm.thresholds = [50, 100]
        norm.scope.productCodes = ["45A03", "45A01"]
        try database.writer.write { db in
            try MonitorDatabase.saveNorm(db, norm, change: .changed, by: "test", at: Date(timeIntervalSince1970: 0))
        }
        let read = try database.writer.read { try MonitorDatabase.loadNorms($0) }
        #expect(read.first { $0.id == norm.id } == norm)
        #expect(read.count == 30)
    }

    /// The admin results 0.17.0 kept (by Unix seconds) are kept by `Timestamp` text after
    /// the upgrade, the same instant to the second, as Swift writes it.
    @Test func a0_17StoresAdminResultsAreKeptByTheOneTimestampEncoding() throws {
        let (path, folder) = try Self.unzippedCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try MonitorDatabase.open(path: path)
        let stored = try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT requestID, storedAt FROM adminReply ORDER BY requestID").map {
                [$0["requestID"] as String, $0["storedAt"] as String]
            }
        }
        let seconds: [(String, Double)] = [
            ("033E05C0-8C7B-4524-B29A-C22C559C0AB5", 1_796_352_857.463758),
            ("33A96E6D-1615-4E68-BF98-64380DD937D3", 1_796_352_911.455427),
            ("C1F18466-7041-43A1-B51D-83F076235357", 1_796_352_911.503666),
            ("CF3C24E3-3602-4F04-9ECA-3A1037DBC724", 1_796_352_911.477836),
        ]
        #expect(stored == seconds.map { [$0.0, Timestamp.iso8601(Date(timeIntervalSince1970: $0.1))] })
        #expect(stored.first?.last == "2026-12-04T02:54:17Z")
    }

    /// Stops, advice, exemptions, CPV decisions and analyses 0.17.0 timed in Unix seconds
    /// read back as the same instant to the second, stored as Swift writes it.
    @Test func a0_17StoresDecisionTimesAreKeptByTheOneTimestampEncoding() throws {
        let (path, folder) = try Self.unzippedCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try MonitorDatabase.open(path: path)
        let stored = try database.writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT imposedAt FROM stop UNION ALL SELECT advisedAt FROM stopAdvice
                    UNION ALL SELECT recordedAt FROM exemption UNION ALL SELECT decidedAt FROM (SELECT * FROM cpvDecision ORDER BY id)
                    UNION ALL SELECT recordedAt FROM analysis
                    """)
        }
        let seconds = [
            1_796_352_911.455427, 1_796_352_894.244674, 1_796_352_911.477836, 1_796_352_911.477836,
            1_796_352_911.503666, 1_796_352_910.775856,
        ]
        #expect(stored == seconds.map { Timestamp.iso8601(Date(timeIntervalSince1970: $0)) })
        let stop = try #require(try database.writer.read { try StopRecord.fetchOne($0, key: 1) })
        #expect(stop.imposedAt == Date(timeIntervalSince1970: 1_796_352_911))
        #expect(stop.liftedAt == nil && stop.liftAdvisedAt == nil)
    }
}
