import Foundation
import GRDB

/// Opens a service's SQLite file the one way every Plafond store is opened.
///
/// WAL lets readers (catch-up, HTTP) run beside the single writer; `synchronous=FULL`
/// makes a commit durable before we answer a provider or move a cursor, which is the
/// promise the event log rests on. Foreign keys are on (GRDB's default), and migrations
/// run before the caller binds any socket.
public enum StoreOpener {
    /// `pageSize` applies to a store this call creates; an existing file keeps its own.
    /// `temporaryFilesInMemory` keeps SQLite's temporary files in memory, among them the
    /// journal of a savepoint, which otherwise spills to a file past 64 KiB (it is undo data
    /// for the open transaction only, never needed after a crash). Not for stores whose
    /// queries sort or group large tables: their temporary data would be held in memory too.
    /// `cacheKiB` is the writer's page cache (SQLite's default is 2 MiB): for a writer
    /// whose every line lands on pages spread over tables larger than that.
    /// `autocheckpointPages` is the WAL size at which the writer checkpoints itself
    /// (SQLite's default 1,000): raised for a store whose `WALCheckpointer` does it instead.
    /// `sortThreads` lets each connection's large sorts use helper threads (`PRAGMA
    /// threads`; SQLite's default is none): for a store whose reads group a table by
    /// client (the reporter's figures for a whole area).
    public static func open(
        path: String, migrator: DatabaseMigrator, pageSize: Int? = nil, temporaryFilesInMemory: Bool = false,
        cacheKiB: Int? = nil, autocheckpointPages: Int? = nil, sortThreads: Int? = nil
    ) throws -> DatabasePool {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        // Intake's store holds BSNs: the folder is the owner's only (0700), the file 0600
        // before SQLite opens it, and SQLite gives its -wal and -shm files the file's mode.
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let pool = try DatabasePool(
            path: path,
            configuration: configuration(
                pageSize: pageSize, temporaryFilesInMemory: temporaryFilesInMemory, sortThreads: sortThreads))
        // GRDB sets NORMAL on the writer when it enables WAL; durability before an answer
        // needs FULL, so it is set again on the (one, long-lived) writer connection.
        try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        // The writer's alone: readers (catch-up, HTTP) keep SQLite's default.
        if let cacheKiB { try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA cache_size = -\(cacheKiB)") } }
        if let pages = autocheckpointPages {
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_autocheckpoint = \(pages)") }
        }
        // Forward only: a store a newer release migrated further is not ours to touch
        // (after a downgrade, restore the backup taken before the upgrade).
        if try pool.read(migrator.hasBeenSuperseded) {
            throw StorageError(
                .newerStore,
                "\(path) was written by a newer release of Plafond (migrations this one does not know); "
                    + "run that release, or restore the backup made before the upgrade")
        }
        try migrator.migrate(pool)
        return pool
    }

    /// An in-memory store with the same pragmas that matter for logic, for unit tests.
    public static func inMemory(migrator: DatabaseMigrator) throws -> DatabaseQueue {
        let queue = try DatabaseQueue(configuration: configuration())
        try migrator.migrate(queue)
        return queue
    }

    static func configuration(pageSize: Int? = nil, temporaryFilesInMemory: Bool = false, sortThreads: Int? = nil)
        -> Configuration
    {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            if temporaryFilesInMemory { try db.execute(sql: "PRAGMA temp_store = MEMORY") }
            if let sortThreads { try db.execute(sql: "PRAGMA threads = \(sortThreads)") }
            // Takes effect only when the file is created (before WAL is set up).
            if let pageSize { try db.execute(sql: "PRAGMA page_size = \(pageSize)") }
        }
        return configuration
    }
}
