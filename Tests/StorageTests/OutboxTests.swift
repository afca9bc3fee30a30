import Contracts
import EventLog
import Foundation
import GRDB
import Storage
import Testing

@Suite struct OutboxTests {
    private func store() throws -> DatabaseQueue {
        var migrator = DatabaseMigrator()
        Outbox.registerMigrations(&migrator)
        ConsumerCursor.registerMigrations(&migrator)
        migrator.registerMigration("effects") { db in
            try db.execute(sql: "CREATE TABLE effect (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL)")
        }
        return try StoreOpener.inMemory(migrator: migrator)
    }

    @Test func appendsAreNumberedWithoutGaps() throws {
        let db = try store()
        let numbers = try db.write { db in
            try (0..<5).map { try Outbox.append(db, kind: EventKind(rawValue: "k"), body: Data("\($0)".utf8)) }
        }
        #expect(numbers == [1, 2, 3, 4, 5])
        let events = try OutboxEventSource(reader: db).events(after: 2, limit: 10)
        #expect(events.map(\.seq) == [3, 4, 5])
        #expect(events.first?.body == Data("2".utf8))
    }

    @Test func aRolledBackTransactionLeavesNoHole() throws {
        let db = try store()
        try db.write { db in _ = try Outbox.append(db, kind: EventKind(rawValue: "k"), body: Data()) }
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.write { db in
                _ = try Outbox.append(db, kind: EventKind(rawValue: "k"), body: Data())
                throw Boom()
            }
        }
        let next = try db.write { db in try Outbox.append(db, kind: EventKind(rawValue: "k"), body: Data()) }
        #expect(next == 2)
    }

    @Test func sinkAppliesEffectsAndCursorTogetherAndSkipsWhatItHasSeen() throws {
        let db = try store()
        let sink = TransactionalEventSink(writer: db, producer: "intake") { db, event in
            try db.execute(sql: "INSERT INTO effect (seq, kind) VALUES (?, ?)", arguments: [event.seq, event.kind])
        }
        let events = (1...3).map { LoggedEvent(seq: Int64($0), kind: "k\($0)", body: Data()) }
        try sink.apply(events)
        try sink.apply(Array(events[1...]))  // a duplicate delivery
        #expect(try sink.appliedSequence() == 3)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM effect") } == 3)
    }

    @Test func sinkRefusesAGapAndKeepsNothingOfTheBatch() throws {
        let db = try store()
        let sink = TransactionalEventSink(writer: db, producer: "intake") { db, event in
            try db.execute(sql: "INSERT INTO effect (seq, kind) VALUES (?, ?)", arguments: [event.seq, event.kind])
        }
        #expect(throws: StorageError.self) {
            try sink.apply([LoggedEvent(seq: 1, kind: "a", body: Data()), LoggedEvent(seq: 3, kind: "c", body: Data())])
        }
        #expect(try sink.appliedSequence() == 0)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM effect") } == 0)
    }

    @Test func aFailingEffectRollsBackTheCursor() throws {
        let db = try store()
        struct Boom: Error {}
        let sink = TransactionalEventSink(writer: db, producer: "intake") { _, event in
            if event.seq == 2 { throw Boom() }
        }
        #expect(throws: Boom.self) {
            try sink.apply([LoggedEvent(seq: 1, kind: "a", body: Data()), LoggedEvent(seq: 2, kind: "b", body: Data())])
        }
        #expect(try sink.appliedSequence() == 0)
    }

    @Test func fileStoresUseWALAndFullSync() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plafond-\(UUID()).sqlite").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        var migrator = DatabaseMigrator()
        Outbox.registerMigrations(&migrator)
        let pool = try StoreOpener.open(path: path, migrator: migrator)
        let mode = try pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        let sync = try pool.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        let keys = try pool.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") }
        #expect(mode == "wal")
        #expect(sync == 2)  // FULL
        #expect(keys == 1)
    }
}
