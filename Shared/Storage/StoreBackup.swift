import Foundation
import GRDB

/// Online copies of a store and putting one back, with what the event log needs to know
/// about each copy: how far its own log goes and how far it has applied each producer's.
///
/// The copy uses SQLite's backup API (through GRDB), so it is consistent while the
/// service keeps writing: one snapshot of committed transactions, WAL included.
public enum StoreBackup {
    /// A store's place in the event logs at the moment of its copy.
    public struct LogPosition: Codable, Sendable, Equatable {
        /// The last seq of the store's own event log (nil: the store has no log).
        public var head: Int64?
        /// The seq applied of each producer's log this store consumes.
        public var cursors: [String: Int64]

        public init(head: Int64?, cursors: [String: Int64]) {
            self.head = head
            self.cursors = cursors
        }
    }

    /// Copies the live store at `path` to `target` (a new file, 0600) and says where the
    /// copy stands in the event logs.
    public static func copy(from path: String, to target: String) throws -> LogPosition {
        let source = try openReadOnly(path)
        defer { try? source.close() }
        if FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
        FileManager.default.createFile(atPath: target, contents: nil, attributes: [.posixPermissions: 0o600])
        let destination = try DatabaseQueue(path: target)
        defer { try? destination.close() }
        try source.backup(to: destination)
        return try destination.read(position)
    }

    /// Where the store at `path` stands now (nil when there is no such file).
    public static func position(ofStoreAt path: String) throws -> LogPosition? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let store = try openReadOnly(path)
        defer { try? store.close() }
        return try store.read(position)
    }

    /// A live store opened to read beside its service (which keeps writing).
    static func openReadOnly(_ path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        return try DatabasePool(path: path, configuration: configuration)
    }

    static func position(_ db: Database) throws -> LogPosition {
        let head = try db.tableExists("outbox") ? try Outbox.latestSequence(db) : nil
        var cursors: [String: Int64] = [:]
        if try db.tableExists("cursor") {
            for cursor in try CursorRow.fetchAll(db, sql: "SELECT producer, seq FROM cursor") {
                cursors[cursor.producer] = cursor.seq
            }
        }
        return LogPosition(head: head, cursors: cursors)
    }

    /// Puts a copy back in place of the store at `path` (its WAL and shared-memory files
    /// removed first, so SQLite cannot replay a newer WAL over the older copy), owned by
    /// whoever owns the folder: restored by root, the service's own user must open it.
    /// The service must be stopped.
    public static func restore(copy: String, to path: String) throws {
        for suffix in ["-wal", "-shm", ""] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        try FileManager.default.copyItem(atPath: copy, toPath: path)
        let folder = try FileManager.default.attributesOfItem(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        var attributes: [FileAttributeKey: Any] = [.posixPermissions: 0o600]
        if let owner = folder[.ownerAccountID], let group = folder[.groupOwnerAccountID] {
            attributes[.ownerAccountID] = owner
            attributes[.groupOwnerAccountID] = group
        }
        try FileManager.default.setAttributes(attributes, ofItemAtPath: path)
    }
}

/// Where a consumer stands in a producer's log (`cursor`), for the backup's position.
private struct CursorRow: Decodable, FetchableRecord {
    var producer: String
    var seq: Int64
}
