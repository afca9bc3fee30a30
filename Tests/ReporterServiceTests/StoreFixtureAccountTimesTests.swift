import Contracts
import Foundation
import GRDB
import Storage
import Testing

@testable import ReporterService

/// An accounts store as 0.18.0 left it (GRDB's own text for a Date, in columns declared
/// DOUBLE) migrates to the one timestamp encoding and reads back the same instants to the
/// second.
@Suite struct StoreFixtureAccountTimesTests {
    @Test func anOldAccountsTimesReadBackAsTheSameInstant() throws {
        let queue = try DatabaseQueue()
        try AccountStore.migrator.migrate(queue, upTo: "accounts.v1")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO account (name, role, passwordHash, failedAttempts, lockedUntil, createdAt)
                    VALUES ('a', 'lezer', 'x', 5, '2026-12-04 13:40:00.999', '2026-12-04 13:25:54.123'),
                        ('b', 'beheerder', 'y', 0, NULL, '2026-12-01 08:00:00.000')
                    """)
        }
        try AccountStore.migrator.migrate(queue)
        let (texts, records) = try queue.read { db in
            (
                try String.fetchAll(db, sql: "SELECT createdAt FROM account ORDER BY name"),
                try AccountRecord.order(AccountRecord.Columns.name).fetchAll(db)
            )
        }
        #expect(texts == ["2026-12-04T13:25:54Z", "2026-12-01T08:00:00Z"])
        let a = try #require(records.first)
        #expect(a.createdAt == Timestamp.date("2026-12-04T13:25:54Z"))
        #expect(a.lockedUntil == Timestamp.date("2026-12-04T13:40:00Z"))
        #expect(records.last?.lockedUntil == nil)
        #expect(Timestamp.iso8601(Date(timeIntervalSince1970: 1_796_390_754.123)) == "2026-12-04T13:25:54Z")
    }
}
