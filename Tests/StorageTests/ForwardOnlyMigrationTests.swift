import Foundation
import GRDB
import Testing

@testable import Storage

/// Migrations run forward only: a store a newer release migrated further is refused, not
/// opened and half understood.
@Suite struct ForwardOnlyMigrationTests {
    func migrator(newer: Bool) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("test.v1") { try $0.execute(sql: "CREATE TABLE a (x INTEGER)") }
        if newer {
            migrator.registerMigration("test.v2") { try $0.execute(sql: "ALTER TABLE a ADD COLUMN y INTEGER") }
        }
        return migrator
    }

    @Test func aStoreWrittenByANewerReleaseIsRefusedAndAnOlderOneMigrates() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plafond-forward-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        _ = try StoreOpener.open(path: path, migrator: migrator(newer: false))
        // The newer release migrates the older store forward.
        _ = try StoreOpener.open(path: path, migrator: migrator(newer: true))
        // Back on the older release: refused, and said why.
        do {
            _ = try StoreOpener.open(path: path, migrator: migrator(newer: false))
            Issue.record("a store with an unknown migration was opened")
        } catch let error as StorageError {
            #expect(error.code == .newerStore)
            #expect(error.message.contains("newer release"))
        }
    }
}
