import Contracts
import Foundation
import GRDB
import Storage

/// Which client and provider an allocation number belongs to. The contract manager names
/// a client by the ToewijzingNummer (the CPV's decision is about a referral, and a BSN
/// never leaves intake); monitor finds the keyed pseudonym here.
///
/// Learnt from every fact that carries the number: an allocation (JW301), a start of care
/// (JW305) and a declaration line. A number is written once, when first seen (the known
/// numbers are kept in memory, `LedgerState.knownAllocations`), and an allocation keeps
/// the client it was first seen with: an allocation number names one client.
enum AllocationClients {
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("monitor.v19.allocationClient") { db in
            try db.execute(
                sql: """
                    CREATE TABLE allocationClient (
                        toewijzingNummer TEXT PRIMARY KEY,
                        aanbieder TEXT NOT NULL,
                        client TEXT NOT NULL
                    ) WITHOUT ROWID
                    """)
        }
    }

    struct Owner: Sendable, Hashable, Decodable, FetchableRecord {
        var aanbieder: String
        var client: String
    }

    /// Records the batch's new numbers, through one statement for all.
    static func record(_ db: Database, _ owners: [String: Owner]) throws {
        guard !owners.isEmpty else { return }
        let insert = try DirectStatement(db, sql: recordSQL)
        for (number, owner) in owners where !number.isEmpty {
            insert.bind(number, at: 1)
            insert.bind(owner.aanbieder, at: 2)
            insert.bind(owner.client, at: 3)
            try insert.run()
        }
    }

    /// Every number stored, read once when the ledger state is loaded.
    static func numbers(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT toewijzingNummer FROM allocationClient"))
    }

    static func owner(_ db: Database, toewijzingNummer: String) throws -> Owner? {
        try Owner.fetchOne(
            db, sql: "SELECT aanbieder, client FROM allocationClient WHERE toewijzingNummer = ?",
            arguments: [toewijzingNummer])
    }

    static let recordSQL = """
        INSERT INTO allocationClient (toewijzingNummer, aanbieder, client) VALUES (?, ?, ?)
        ON CONFLICT DO NOTHING
        """
}
