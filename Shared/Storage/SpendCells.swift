import Contracts
import Domain
import GRDB

/// Accepted spend aggregated by every dimension a norm can select on (gemeente,
/// provider, category, product code, month of care).
///
/// Monitor and reporter both keep this table from intake's log: a norm's figures are a
/// sum over matching cells, so a norm added or changed later starts from the spend
/// already declared, and the read model never needs the lines themselves.
public enum SpendCells {
    public static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("spendCell.v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE spendCell (
                        aanbieder TEXT NOT NULL,
                        gemeente TEXT NOT NULL,
                        categorie TEXT NOT NULL,
                        productCode TEXT NOT NULL,
                        month TEXT NOT NULL,
                        cents INTEGER NOT NULL,
                        PRIMARY KEY (aanbieder, gemeente, categorie, productCode, month)
                    ) WITHOUT ROWID
                    """)
        }
        // For norms on all providers of a gemeente (or a regio): their cells by gemeente.
        migrator.registerMigration("spendCell.v2") { db in
            try db.execute(sql: "CREATE INDEX spendCellByGemeente ON spendCell (gemeente, month)")
        }
    }

    /// Adds a line (sign +1) or a credit (sign -1).
    public static func add(_ db: Database, line: DeclaredLine, sign: Int64) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO spendCell (aanbieder, gemeente, categorie, productCode, month, cents)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET cents = cents + excluded.cents
                """
        ).execute(arguments: [
            line.aanbieder, line.gemeente, line.productCategorie, line.productCode ?? "",
            line.monthOfCare.description, line.amountCents * sign,
        ])
    }

    /// Adds a batch's total for one cell (monitor writes each touched cell once per batch,
    /// through `DirectStatement`: a cell per line is common at month-end).
    public static func add(
        _ statement: DirectStatement, aanbieder: String, gemeente: String, categorie: String, productCode: String?,
        month: Month, cents: Int64
    ) throws {
        statement.bind(aanbieder, at: 1)
        statement.bind(gemeente, at: 2)
        statement.bind(categorie, at: 3)
        statement.bind(productCode ?? "", at: 4)
        statement.bind(month.description, at: 5)
        statement.bind(cents, at: 6)
        try statement.run()
    }

    /// The statement `add` runs, made once for a batch's cells.
    public static func addStatement(_ db: Database) throws -> DirectStatement {
        try DirectStatement(db, sql: addSQL)
    }

    static let addSQL = """
        INSERT INTO spendCell (aanbieder, gemeente, categorie, productCode, month, cents)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT DO UPDATE SET cents = cents + excluded.cents
        """

    /// The norm's spend by month of care, summed over the cells it counts.
    public static func byMonth(_ db: Database, norm: NormDefinition) throws -> [Month: Int64] {
        // SQL narrows to the norm's months, provider and gemeenten (the key and the
        // gemeente index serve them); the scope's finer rule (categories and/or codes)
        // is then the same Swift code that matches a line. A norm on all providers of a
        // gemeente used to read every cell in the country.
        var sql = "SELECT \(SpendCellRow.selection) FROM spendCell WHERE month BETWEEN ? AND ?"
        var arguments: [any DatabaseValueConvertible] = [
            norm.period.start.month.description, norm.period.end.month.description,
        ]
        if let aanbieder = norm.scope.aanbieder {
            sql += " AND aanbieder = ?"
            arguments.append(aanbieder)
        }
        if !norm.scope.gemeenten.isEmpty {
            sql +=
                " AND gemeente IN (\(Array(repeating: "?", count: norm.scope.gemeenten.count).joined(separator: ",")))"
            arguments += norm.scope.gemeenten as [any DatabaseValueConvertible]
        }
        let rows = try SpendCellRow.fetchCursor(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments))
        var result: [Month: Int64] = [:]
        while let row = try rows.next() { row.add(to: &result, for: norm) }
        return result
    }
}

/// One spend cell (`spendCell`): a provider's spend in a gemeente, product and month.
///
/// Read by position rather than through `Decodable` or by column name: every norm's
/// figures read its cells (thousands of norms on a country's start page), and the decoder
/// cost more per row than the query.
struct SpendCellRow: FetchableRecord, Sendable {
    var aanbieder: String
    var gemeente: String
    var categorie: String
    /// "" when the lines named no product code.
    var productCode: String
    /// Parsed once when the row is read: a list of norms asks each cell for every norm
    /// that might count it (`SpendCellIndex`), and parsing the text per ask was a tenth of
    /// a country's start page. Nil for text that is no month (no norm counts it).
    var month: Month?
    var cents: Int64

    /// The columns `init(row:)` reads, in its order: by position, as a country's start
    /// page reads every cell (35,000 at 100×) and a look-up by name per column was a
    /// tenth of it.
    static let selection = "aanbieder, gemeente, categorie, productCode, month, cents"

    /// Adds the cell to a norm's spend by month when the norm counts it: in its period
    /// and its scope (the one rule for a norm read from the store and from memory,
    /// `SpendCellIndex`).
    func add(to byMonth: inout [Month: Int64], for norm: NormDefinition) {
        guard let month, norm.period.contains(month.firstDay),
            norm.scope.matches(
                gemeente: gemeente, aanbieder: aanbieder, productCategorie: categorie,
                productCode: productCode.isEmpty ? nil : productCode)
        else { return }
        byMonth[month, default: 0] += cents
    }

    init(row: Row) throws {
        aanbieder = row[0]
        gemeente = row[1]
        categorie = row[2]
        productCode = row[3]
        month = Month(row[4] as String)
        cents = row[5]
    }
}
