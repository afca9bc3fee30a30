import Contracts
import Foundation
import GRDB
import Storage
import Synchronization

/// Every norm's definition, read once per change of the norm table instead of once per
/// request. With a country's 10,000 norms, decoding their JSON was half of every
/// dashboard, indicator and report request (profiled in docs/BENCHMARKS.md). Kept after
/// the norms moved into columns (0.18.0): assembling 10,000 definitions from their four
/// tables still takes 260-280 ms in a debug build, against under 1 ms for a hit.
///
/// The key is read in the caller's own read transaction: the number of norms and the sum
/// of their versions. Norms are never deleted and a change always raises its version, so
/// any change to the table changes the key, and a reader gets the definitions of its own
/// snapshot even while the writer moves on.
final class NormDefinitionCache: Sendable {
    private struct Key: Equatable, Decodable, FetchableRecord {
        var count: Int64
        var versions: Int64
    }

    private let cached = Mutex<(key: Key, norms: [NormDefinition])?>(nil)
    private let loadCount = Mutex(0)

    /// How many times the definitions were decoded: once per change of the norm table
    /// when the cache does its job.
    var loads: Int { loadCount.withLock { $0 } }

    /// The definitions in id order, as of `db`'s snapshot.
    func all(_ db: Database) throws -> [NormDefinition] {
        let key =
            try Key.fetchOne(
                try db.cachedStatement(sql: "SELECT count(*) AS count, ifnull(sum(version), 0) AS versions FROM norm"))
            ?? Key(count: 0, versions: 0)
        if let hit = cached.withLock({ $0?.key == key ? $0?.norms : nil }) { return hit }
        let norms = try NormDefinitionTables.all(db)
        cached.withLock { cached in
            // A reader of an older snapshot that finishes last must not put its older
            // definitions back: norms are never deleted and versions only rise.
            if let current = cached?.key, current.count > key.count || current.versions > key.versions { return }
            cached = (key, norms)
        }
        loadCount.withLock { $0 += 1 }
        return norms
    }
}
