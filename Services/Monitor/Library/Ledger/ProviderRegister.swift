import Contracts
import Domain
import Foundation
import GRDB
import Storage

/// The gemeente's AGB register: each provider's name beside its code. Monitor owns it
/// (it owns the norms that name providers) and publishes every change as
/// `provider.named`, so reporter and notifier show names without a register of their own.
enum ProviderRegister {
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("monitor.v6.providers") { db in
            try db.execute(
                sql: """
                    CREATE TABLE provider (
                        agb TEXT PRIMARY KEY NOT NULL CHECK (length(agb) = 8),
                        naam TEXT NOT NULL CHECK (length(trim(naam)) > 0)
                    ) WITHOUT ROWID;
                    """)
        }
    }

    static func name(_ db: Database, agb: String?) throws -> String? {
        guard let agb else { return nil }
        return try String.fetchOne(
            try db.cachedStatement(sql: "SELECT naam FROM provider WHERE agb = ?"), arguments: [agb])
    }

    /// Stores the names that are new or changed and publishes each; the same name again
    /// publishes nothing. Returns how many changed.
    static func save(_ db: Database, _ providers: [ProviderName], by: String?, now: Date) throws -> Int {
        var changed = 0
        for provider in providers {
            guard AGB(provider.agb) != nil else {
                throw MonitorError(.invalidRequest, "\(provider.agb) is geen AGB-code van 8 cijfers")
            }
            let naam = provider.naam.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !naam.isEmpty, naam.count <= 200, !naam.contains(where: \.isNewline) else {
                throw MonitorError(.invalidRequest, "naam voor \(provider.agb) ontbreekt of is te lang")
            }
            guard try name(db, agb: provider.agb) != naam else { continue }
            try db.execute(
                sql:
                    "INSERT INTO provider (agb, naam) VALUES (?, ?) ON CONFLICT(agb) DO UPDATE SET naam = excluded.naam",
                arguments: [provider.agb, naam])
            let event = ProviderNamed(agb: provider.agb, naam: naam, by: by, at: now)
            try Outbox.append(db, event, at: now)
            changed += 1
        }
        return changed
    }

    static func all(_ db: Database) throws -> [ProviderName] {
        try ProviderRow.fetchAll(db, sql: "SELECT agb, naam FROM provider ORDER BY agb").map {
            ProviderName(agb: $0.agb, naam: $0.naam)
        }
    }
}

/// A provider's name as the register keeps it (`provider`).
private struct ProviderRow: Decodable, FetchableRecord {
    var agb: String
    var naam: String
}
