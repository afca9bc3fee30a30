import Foundation
import Runtime
import Storage

/// What `plafond backup` wrote: one copy per store and where each stood in the event
/// logs, so `plafond restore` can check that no consumer ends up ahead of its producer.
struct BackupManifest: Codable {
    struct Store: Codable {
        var name: String
        var file: String
        var bytes: Int64
        var position: StoreBackup.LogPosition
    }

    var takenAt: Date
    var version: String
    var stores: [Store]

    static let fileName = "manifest.json"

    func write(to folder: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(self).write(to: folder.appendingPathComponent(Self.fileName), options: .atomic)
    }

    static func read(from folder: URL) throws -> BackupManifest {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(
            BackupManifest.self, from: Data(contentsOf: folder.appendingPathComponent(fileName)))
    }
}

/// The stores of one data folder, in the order they are copied: every consumer before
/// the producers it follows (reporter before notifier before monitor before intake).
/// Logs only grow, so a consumer's copied cursor is never ahead of its producer's copied
/// log, and restoring the whole set is consistent.
enum StoreSet {
    static let backupOrder = ["reporter", "reporter-accounts", "notifier", "monitor", "intake"]

    /// The service that owns a store (and must be stopped to restore it).
    static func service(of store: String) -> String { store == "reporter-accounts" ? "reporter" : store }

    /// Where a store lives: `<data>/<store>.sqlite` (one data folder, as in development),
    /// or `<data>/<service>/<store>.sqlite` (a folder per service under one parent, as the
    /// systemd units have it: `--data /var/lib/plafond`). An existing file wins; for a
    /// store that is not there yet, the service's own folder when it exists.
    static func path(of store: String, in configuration: PlafondConfiguration) -> String {
        let data = URL(fileURLWithPath: configuration.general.dataDirectory)
        let flat = configuration.storePath(store)
        let serviceFolder = data.appendingPathComponent(service(of: store))
        let nested = serviceFolder.appendingPathComponent("\(store).sqlite").path
        if FileManager.default.fileExists(atPath: flat) { return flat }
        if FileManager.default.fileExists(atPath: nested) { return nested }
        var isFolder: ObjCBool = false
        let hasServiceFolder = FileManager.default.fileExists(atPath: serviceFolder.path, isDirectory: &isFolder)
        return hasServiceFolder && isFolder.boolValue ? nested : flat
    }

    /// Pairs (consumer, producer, cursor, head) where a consumer has applied more of a
    /// producer's log than the producer has: after a restore it would skip the events
    /// the producer writes anew under those numbers.
    static func consumersAhead(_ positions: [String: StoreBackup.LogPosition]) -> [String] {
        var problems: [String] = []
        for (consumer, position) in positions.sorted(by: { $0.key < $1.key }) {
            for (producer, cursor) in position.cursors.sorted(by: { $0.key < $1.key }) {
                guard let head = positions[producer]?.head, cursor > head else { continue }
                problems.append("\(consumer) heeft \(producer) al tot \(cursor) verwerkt, \(producer) komt tot \(head)")
            }
        }
        return problems
    }
}
