import Contracts
import GRDB
import Messaging
import Storage

/// The providers' names from monitor's AGB register (`provider.named`), so every page,
/// report and API answer can put the name beside the code.
enum ProviderNames {
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("reporter.v7.providerNames") { db in
            try db.execute(
                sql: "CREATE TABLE providerName (agb TEXT PRIMARY KEY NOT NULL, naam TEXT NOT NULL) WITHOUT ROWID")
        }
    }

    static func apply(_ db: Database, _ event: LoggedEvent) throws {
        guard event.eventKind == ProviderNamed.kind else { return }
        let named = try ProviderNamed.decoded(from: event.body)
        try db.execute(
            sql:
                "INSERT INTO providerName (agb, naam) VALUES (?, ?) ON CONFLICT(agb) DO UPDATE SET naam = excluded.naam",
            arguments: [named.agb, named.naam])
    }

    static func name(_ db: Database, agb: String?) throws -> String? {
        guard let agb else { return nil }
        return try String.fetchOne(
            try db.cachedStatement(sql: "SELECT naam FROM providerName WHERE agb = ?"), arguments: [agb])
    }

    static func all(_ db: Database) throws -> [String: String] {
        Dictionary(
            try ProviderName.fetchAll(db, sql: "SELECT agb, naam FROM providerName").map { ($0.agb, $0.naam) },
            uniquingKeysWith: { a, _ in a })
    }
}

extension ReporterDatabase {
    /// The register's names by AGB code.
    func providerNames() async throws -> [String: String] {
        try await writer.read { try ProviderNames.all($0) }
    }
}

/// A row of `providerName`: the name the AGB register gives a provider.
private struct ProviderName: Decodable, FetchableRecord {
    var agb: String
    var naam: String
}
