import Contracts
import Domain
import GRDB

/// The allocations (JW301, `allocation.recorded`) and the tariffs last declared, for the
/// PxQ forecast beside the run-rate. Keyed pseudonyms only, like every reporter table.
enum AllocationFacts {
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("reporter.policy.v3.allocations") { db in
            try db.execute(
                sql: """
                    CREATE TABLE allocation (
                        aanbieder TEXT NOT NULL,
                        gemeente TEXT NOT NULL,
                        toewijzingNummer TEXT NOT NULL,
                        client TEXT NOT NULL,
                        categorie TEXT NOT NULL,
                        productCode TEXT NOT NULL,
                        ingangsdatum TEXT NOT NULL,
                        einddatum TEXT,
                        volume INTEGER,
                        eenheid TEXT,
                        frequentie TEXT,
                        budgetCents INTEGER,
                        PRIMARY KEY (aanbieder, gemeente, toewijzingNummer)
                    ) WITHOUT ROWID;
                    CREATE TABLE declaredTariff (
                        aanbieder TEXT NOT NULL,
                        categorie TEXT NOT NULL,
                        productCode TEXT NOT NULL,
                        eenheid TEXT NOT NULL,
                        month TEXT NOT NULL,
                        tariffCents INTEGER NOT NULL,
                        PRIMARY KEY (aanbieder, categorie, productCode, eenheid)
                    ) WITHOUT ROWID;
                    """)
        }
    }

    /// The latest allocation under a number replaces the earlier (a changed end date);
    /// a removal (RedenWijziging 13) takes it away.
    static func allocated(_ db: Database, _ allocation: AllocationReceived) throws {
        guard allocation.redenWijziging != "13" else {
            try db.execute(
                sql: "DELETE FROM allocation WHERE aanbieder = ? AND gemeente = ? AND toewijzingNummer = ?",
                arguments: [allocation.aanbieder, allocation.gemeente, allocation.toewijzingNummer])
            return
        }
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO allocation (aanbieder, gemeente, toewijzingNummer, client, categorie,
                    productCode, ingangsdatum, einddatum, volume, eenheid, frequentie, budgetCents)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                allocation.aanbieder, allocation.gemeente, allocation.toewijzingNummer, allocation.client,
                allocation.productCategorie ?? "", allocation.productCode ?? "", allocation.ingangsdatum.iso,
                allocation.einddatum?.iso, allocation.volume, allocation.eenheid, allocation.frequentie,
                allocation.budgetCents,
            ])
    }

    /// The tariff of the latest month of care declared for the product in the unit.
    static func declared(_ db: Database, _ line: DeclaredLine) throws {
        try db.execute(
            sql: """
                INSERT INTO declaredTariff (aanbieder, categorie, productCode, eenheid, month, tariffCents)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET month = excluded.month, tariffCents = excluded.tariffCents
                    WHERE excluded.month >= month
                """,
            arguments: [
                line.aanbieder, line.productCategorie, line.productCode ?? "", line.eenheid,
                line.monthOfCare.description, line.tariffCents,
            ])
    }

    /// The norm's PxQ forecast from the month after `lastComplete` (the run-rate's).
    static func pxq(_ db: Database, norm: NormDefinition, byMonth: [Month: Int64], through lastComplete: Month) throws
        -> PxQForecast?
    {
        var sql = "SELECT * FROM allocation WHERE ingangsdatum <= ? AND (einddatum IS NULL OR einddatum >= ?)"
        var values: [any DatabaseValueConvertible] = [norm.period.end.iso, norm.period.start.iso]
        if let aanbieder = norm.scope.aanbieder {
            sql += " AND aanbieder = ?"
            values.append(aanbieder)
        }
        var tariffs: [String: Int64?] = [:]
        var allocations: [PxQForecast.Allocation] = []
        for row in try AllocationRow.fetchAll(db, sql: sql, arguments: StatementArguments(values)) {
            let productCode = row.productCode
            let categorie = row.categorie
            let aanbieder = row.aanbieder
            guard
                norm.scope.matches(
                    gemeente: row.gemeente, aanbieder: aanbieder, productCategorie: categorie,
                    productCode: productCode.isEmpty ? nil : productCode),
                let start = Day(iso: row.ingangsdatum)
            else { continue }
            let end = row.einddatum.flatMap { Day(iso: $0) }
            var rate: PxQForecast.Allocation.Rate?
            if let volume = row.volume, let eenheid = row.eenheid, let frequentie = row.frequentie {
                let key = [aanbieder, categorie, productCode, eenheid].joined(separator: "|")
                if tariffs[key] == nil {
                    tariffs[key] = try Int64.fetchOne(
                        db,
                        sql: """
                            SELECT tariffCents FROM declaredTariff
                            WHERE aanbieder = ? AND categorie = ? AND productCode = ? AND eenheid = ?
                            """, arguments: [aanbieder, categorie, productCode, eenheid])
                }
                if let tariff = tariffs[key] ?? nil { rate = Self.rate(volume * tariff, frequentie: frequentie) }
            } else if let budget = row.budgetCents {
                rate = .total(budget)
            }
            allocations.append(.init(client: row.client, start: start, end: end, rate: rate))
        }
        return PxQForecast.make(
            byMonth: byMonth, period: norm.period, throughMonth: lastComplete, allocations: allocations)
    }

    /// COD Frequentie (WJ757): 1 per dag, 2 per week, 4 per maand, 6 totaal binnen de
    /// geldigheidsduur van de toewijzing.
    static func rate(_ cents: Int64, frequentie: String) -> PxQForecast.Allocation.Rate? {
        switch frequentie {
        case "1": .perDay(cents)
        case "2": .perWeek(cents)
        case "4": .perMonth(cents)
        case "6": .total(cents)
        default: nil
        }
    }
}

/// An allocation as the reporter keeps it (`allocation`): a volume with its unit and
/// frequency, or a budget.
private struct AllocationRow: Decodable, FetchableRecord {
    var aanbieder: String
    var gemeente: String
    var client: String
    var categorie: String
    /// "" when the allocation named no product code.
    var productCode: String
    var ingangsdatum: String
    var einddatum: String?
    var volume: Int64?
    var eenheid: String?
    var frequentie: String?
    var budgetCents: Int64?
}
