import Foundation
import GRDB
import Storage
import Testing

/// The checkpointer copies committed pages from the WAL into the file on its own thread,
/// while the writer's own checkpoint waits for 64 MiB: without it, the file would stay
/// at its first size here.
struct WALCheckpointerTests {
    private func store() throws -> (path: String, pool: DatabasePool) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wal-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("store.sqlite").path
        var migrator = DatabaseMigrator()
        migrator.registerMigration("t") { db in try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB)") }
        let pool = try StoreOpener.open(
            path: path, migrator: migrator, autocheckpointPages: WALCheckpointer.writerBackstopPages)
        return (path, pool)
    }

    private func fileSize(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// Two MiB of rows, committed in ten transactions.
    private func write(_ pool: DatabasePool) throws {
        for batch in 0..<10 {
            try pool.write { db in
                for row in 0..<50 {
                    try db.execute(
                        sql: "INSERT INTO t (id, b) VALUES (?, zeroblob(4096))", arguments: [batch * 50 + row])
                }
            }
        }
    }

    @Test func committedPagesReachTheFileWithoutTheWriter() async throws {
        let (path, pool) = try store()
        let checkpointer = try WALCheckpointer(path: path, interval: .milliseconds(50))
        let before = try fileSize(path)
        try write(pool)
        var size = try fileSize(path)
        let deadline = ContinuousClock.now + .seconds(10)
        while size < before + 2_000_000 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
            size = try fileSize(path)
        }
        #expect(size >= before + 2_000_000, "the file is \(size) bytes, was \(before)")
        #expect(try await pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM t") } == 500)
        withExtendedLifetime(checkpointer) {}  // alive until here: its thread stops with the last reference
    }

    @Test func lettingGoStopsIt() throws {
        let (path, pool) = try store()
        var checkpointer: WALCheckpointer? = try WALCheckpointer(path: path, interval: .milliseconds(20))
        Thread.sleep(forTimeInterval: 0.1)  // a checkpoint or two under way
        withExtendedLifetime(checkpointer) {}
        checkpointer = nil  // returns once its thread has closed its connection
        let before = try fileSize(path)
        try write(pool)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try fileSize(path) < before + 2_000_000, "nothing copies the WAL once it is let go")
        _ = checkpointer
    }

    @Test func withoutACheckpointerTheWriterWaitsForItsBackstop() async throws {
        let (path, pool) = try store()
        let before = try fileSize(path)
        try write(pool)
        try await Task.sleep(for: .milliseconds(300))
        #expect(try fileSize(path) < before + 2_000_000)
    }
}
