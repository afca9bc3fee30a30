import Contracts
import Domain
import GRDB

/// The months each client was in care at a provider, per gemeente and product, from the
/// start of care (JW305) and every accepted line's period: what `CareArrivals` needs to
/// tell a returning client ("opnieuw in zorg") from one continuing care.
///
/// Like `InflowLedger`, a credit does not undo a month: the client was there. The reporter
/// keeps this table from intake's log; monitor keeps its months in its volume cells
/// (`BatchCareMonths`, since 0.19.0) and shares the reading and counting here.
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

    /// Records the months from `first` through `last` (ISO months sort as text) and
    /// returns those that were not known yet: what can change a client's arrivals.
    @discardableResult
    public static func record(
        _ db: Database, aanbieder: String, gemeente: String, categorie: String?, productCode: String?, client: String,
        from first: Day, through last: Day
    ) throws -> [CareMonth] {
        var added: [CareMonth] = []
        for month in sightingMonths(from: first, through: last) {
            // Once per line on the reporter's path: bound directly (`DirectStatement`).
            let insert = try DirectStatement(db, sql: insertSQL)
            insert.bind(aanbieder, at: 1)
            insert.bind(gemeente, at: 2)
            insert.bind(categorie ?? "", at: 3)
            insert.bind(productCode ?? "", at: 4)
            insert.bind(client, at: 5)
            insert.bind(month.description, at: 6)
            try insert.run()
            if db.changesCount > 0 {
                added.append(
                    CareMonth(
                        gemeente: gemeente, categorie: categorie ?? "", productCode: productCode ?? "", month: month))
            }
        }
        return added
    }

    /// The months a sighting from `first` through `last` covers, at most
    /// `maximumMonthsPerSighting` of them: stepped through, not collected (once per line).
    public static func sightingMonths(from first: Day, through last: Day) -> some Sequence<Month> {
        let end = last.month
        return sequence(state: (month: first.month, count: 0)) { state -> Month? in
            guard state.month <= end && state.count < maximumMonthsPerSighting else { return nil }
            defer { state = (state.month.next, state.count + 1) }
            return state.month
        }
    }

    static let insertSQL = """
        INSERT OR IGNORE INTO clientCareMonth (aanbieder, gemeente, categorie, productCode, client, month)
        VALUES (?, ?, ?, ?, ?, ?)
        """

    /// One month of a client's care at a provider: where (gemeente, product) and when.
    public struct CareMonth: Sendable, Hashable {
        public var gemeente: String
        public var categorie: String
        /// "" when the line named no product code.
        public var productCode: String
        public var month: Month

        public init(gemeente: String, categorie: String, productCode: String, month: Month) {
            self.gemeente = gemeente
            self.categorie = categorie
            self.productCode = productCode
            self.month = month
        }

        /// Whether this month of care lies in a norm's scope.
        public func inScope(of norm: NormDefinition, aanbieder: String) -> Bool {
            norm.scope.matches(
                gemeente: gemeente, aanbieder: aanbieder, productCategorie: categorie,
                productCode: productCode.isEmpty ? nil : productCode)
        }
    }

    /// Every month of one client's care at one provider: a few dozen rows at most, by the
    /// primary key's prefix. `sql` reads them from another table with the same columns
    /// (monitor's volume cells, whose statement `PerLineQueryPlanTests` checks), as these
    /// four columns.
    public static func careAtProvider(
        _ db: Database, aanbieder: String, client: String, sql: String = careAtProviderSQL
    ) throws -> [CareMonth] {
        let select = try DirectStatement(db, sql: sql)
        select.bind(aanbieder, at: 1)
        select.bind(client, at: 2)
        var months: [CareMonth] = []
        try select.forEachRow { row in
            let text = row.text(3)
            guard let month = Month(text) else {
                throw DatabaseError(
                    resultCode: .SQLITE_MISMATCH, message: "a month of care is not a month: \(text)")
            }
            months.append(
                CareMonth(gemeente: row.text(0), categorie: row.text(1), productCode: row.text(2), month: month))
        }
        return months
    }

    public static let careAtProviderSQL =
        "SELECT gemeente, categorie, productCode, month FROM clientCareMonth WHERE aanbieder = ? AND client = ?"

    /// A client at a provider: clients are per provider, so the same pseudonym at two
    /// providers is two clients (an arrival at each). The key of a client's months.
    public struct ClientAtProvider: Hashable, Sendable {
        public var aanbieder: String
        public var client: String

        public init(aanbieder: String, client: String) {
            self.aanbieder = aanbieder
            self.client = client
        }
    }

    /// Per month of the norm's period, the clients arriving in the norm's scope, each
    /// counted once: in its first arrival in the period. `table` is another with the same
    /// columns (monitor's volume cells).
    public static func arrivalsByMonth(
        _ db: Database, norm: NormDefinition, arrivals: CareArrivals, table: String = "clientCareMonth"
    ) throws -> [Month: Int64] {
        let window = arrivals.window(for: norm.period)
        let bounds: [any DatabaseValueConvertible] = [window.lowerBound.description, window.upperBound.description]
        let columns = "SELECT aanbieder, client, gemeente, categorie, productCode, month FROM \(table)"
        let rows: RowCursor
        if let aanbieder = norm.scope.aanbieder {
            rows = try Row.fetchCursor(
                db, sql: "\(columns) WHERE aanbieder = ? AND month BETWEEN ? AND ?",
                arguments: StatementArguments([aanbieder] + bounds))
        } else {
            rows = try Row.fetchCursor(
                db, sql: "\(columns) WHERE month BETWEEN ? AND ?", arguments: StatementArguments(bounds))
        }
        // Clients are per provider: the same pseudonym at two providers is two arrivals.
        var care: [ClientAtProvider: Set<Month>] = [:]
        while let row = try rows.next() {
            let aanbieder: String = row[0]
            let monthText: String = row[5]
            guard let month = Month(monthText) else { continue }
            let careMonth = CareMonth(gemeente: row[2], categorie: row[3], productCode: row[4], month: month)
            guard careMonth.inScope(of: norm, aanbieder: aanbieder) else { continue }
            care[ClientAtProvider(aanbieder: aanbieder, client: row[1]), default: []].insert(month)
        }
        var byMonth: [Month: Int64] = [:]
        for months in care.values {
            guard let first = arrivals.countedArrival(in: norm.period, careMonths: months) else { continue }
            byMonth[first, default: 0] += 1
        }
        return byMonth
    }
}
