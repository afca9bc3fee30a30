import Contracts
import Domain
import GRDB

/// The months each client was in care at a provider, per gemeente and product, from the
/// start of care (JW305) and every accepted line's period: what `CareArrivals` needs to
/// tell a returning client ("opnieuw in zorg") from one continuing care.
///
/// Like `InflowLedger`, a credit does not undo a month: the client was there. Monitor and
/// reporter both keep this table from intake's log.
public enum CareMonths {
    public static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("inflow.v3.careMonths") { db in
            try db.execute(
                sql: """
                    CREATE TABLE clientCareMonth (
                        aanbieder TEXT NOT NULL,
                        gemeente TEXT NOT NULL,
                        categorie TEXT NOT NULL,
                        productCode TEXT NOT NULL,
                        client TEXT NOT NULL,
                        month TEXT NOT NULL,
                        PRIMARY KEY (aanbieder, client, month, gemeente, categorie, productCode)
                    ) WITHOUT ROWID;
                    -- Stores from before this table knew only each client's first day.
                    INSERT OR IGNORE INTO clientCareMonth
                        SELECT aanbieder, gemeente, categorie, productCode, client, substr(firstDay, 1, 7)
                        FROM clientFirstSeen;
                    """)
        }
    }

    /// Lines cover a month, sometimes more; a period this long is not care but an error
    /// intake let through, and is recorded by its first months only.
    static let maximumMonthsPerSighting = 24

    /// Records the months from `first` through `last` (ISO months sort as text).
    public static func record(
        _ db: Database, aanbieder: String, gemeente: String, categorie: String?, productCode: String?, client: String,
        from first: Day, through last: Day
    ) throws {
        var month = first.month
        var count = 0
        while month <= last.month && count < maximumMonthsPerSighting {
            try db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO clientCareMonth (aanbieder, gemeente, categorie, productCode, client, month)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [aanbieder, gemeente, categorie ?? "", productCode ?? "", client, month.description])
            month = month.next
            count += 1
        }
    }

    /// The client's months of care at the provider (any gemeente or product) in `range`.
    public static func monthsAtProvider(
        _ db: Database, aanbieder: String, client: String, in range: ClosedRange<Month>
    ) throws -> Set<Month> {
        Set(
            try String.fetchAll(
                try db.cachedStatement(
                    sql:
                        "SELECT month FROM clientCareMonth WHERE aanbieder = ? AND client = ? AND month BETWEEN ? AND ?"
                ),
                arguments: [aanbieder, client, range.lowerBound.description, range.upperBound.description]
            ).compactMap(Month.init))
    }

    /// Per month of the norm's period, the clients arriving in the norm's scope, each
    /// counted once: in its first arrival in the period.
    public static func arrivalsByMonth(
        _ db: Database, norm: NormDefinition, arrivals: CareArrivals
    ) throws -> [Month: Int64] {
        let window = arrivals.window(for: norm.period)
        let bounds: [any DatabaseValueConvertible] = [window.lowerBound.description, window.upperBound.description]
        let rows: RowCursor
        if let aanbieder = norm.scope.aanbieder {
            rows = try Row.fetchCursor(
                db, sql: "SELECT * FROM clientCareMonth WHERE aanbieder = ? AND month BETWEEN ? AND ?",
                arguments: StatementArguments([aanbieder] + bounds))
        } else {
            rows = try Row.fetchCursor(
                db, sql: "SELECT * FROM clientCareMonth WHERE month BETWEEN ? AND ?",
                arguments: StatementArguments(bounds))
        }
        var care: [String: Set<Month>] = [:]
        while let row = try rows.next() {
            let code: String = row["productCode"]
            guard
                norm.scope.matches(
                    gemeente: row["gemeente"], aanbieder: row["aanbieder"], productCategorie: row["categorie"],
                    productCode: code.isEmpty ? nil : code),
                let month = Month(row["month"] as String)
            else { continue }
            // Clients are per provider: the same pseudonym at two providers is two arrivals.
            care["\(row["aanbieder"] as String)|\(row["client"] as String)", default: []].insert(month)
        }
        var byMonth: [Month: Int64] = [:]
        for months in care.values {
            guard let first = arrivals.arrivals(months).first(where: { norm.period.contains($0) }) else { continue }
            byMonth[first, default: 0] += 1
        }
        return byMonth
    }
}
