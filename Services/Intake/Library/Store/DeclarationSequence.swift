import Domain
import GRDB
import IJW

/// TR318 / OP284 (8214): a provider's declarations to one gemeente follow each other month
/// by month. What intake can check of that without refusing a valid declaration:
///
/// - a gap is allowed: a month without care has no declaration (OP284), and intake cannot
///   know whether care was delivered in it (OP095), so a later month is always accepted;
/// - the latest month again is allowed: OP284 lets a declaration overlap the last period
///   declared, and IV090 sends belated lines "als 2e declaratie van de maand";
/// - a DeclaratiePeriode before the latest one received from this provider by this
///   gemeente is refused: IV090 says belated care is declared in the latest or a later
///   period, never an earlier one (its ProductPeriode may lie in the past, TR319).
///
/// Only declarations intake received count: one refused whole (0001, 9333, 8214) counts
/// as not sent (IV087), so it moves nothing.
struct DeclarationSequence {
    let aanbieder: String
    let gemeente: String

    /// The start of the latest DeclaratiePeriode received, as stored (ISO dates sort as text).
    func latestPeriodStart(_ db: Database) throws -> String? {
        try String.fetchOne(
            db, sql: "SELECT MAX(periodStart) FROM declaration WHERE aanbieder = ? AND gemeente = ?",
            arguments: [aanbieder, gemeente])
    }

    /// Whether `declaration` comes before the latest period received: 8214.
    func isBehind(_ db: Database, _ declaration: Declaration) throws -> Bool {
        guard let latest = try latestPeriodStart(db) else { return false }
        return declaration.declaratiePeriode.start.iso < latest
    }

    /// One look-up per declaration: an index on what it asks, so it stays one step as the
    /// years of declarations grow.
    static func registerMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("intake.v7.declarationPeriodIndex") { db in
            try db.execute(
                sql: "CREATE INDEX declarationPeriod ON declaration(aanbieder, gemeente, periodStart)")
        }
    }
}
