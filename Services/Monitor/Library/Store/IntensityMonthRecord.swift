import Contracts
import Domain
import GRDB
import Storage

/// One client's month of care under one intensiteitsnorm (`intensityMonth`): what was
/// used, over which days, and the verdict last published for it.
struct IntensityMonthRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "intensityMonth"

    var normID: Int64
    var aanbieder: String
    var client: String
    /// `2026-03`, as `Month.description` writes it.
    var month: String
    /// In the measure's unit (minutes for a norm in hours or minutes).
    var used: Int64
    var cents: Int64
    /// ISO days: the first and last day of care declared in the month.
    var firstDay: String
    var lastDay: String
    var allowed: Int64
    var above: Int64
    var amountAbove: Int64
    var structural: Bool
    /// Units above the plain norm a CPV approval covers; nil without one (0.19.0).
    var approved: Int64?

    enum Columns {
        static let normID = Column(CodingKeys.normID)
        static let aanbieder = Column(CodingKeys.aanbieder)
        static let client = Column(CodingKeys.client)
        static let month = Column(CodingKeys.month)
        static let used = Column(CodingKeys.used)
        static let cents = Column(CodingKeys.cents)
        static let above = Column(CodingKeys.above)
        static let amountAbove = Column(CodingKeys.amountAbove)
        static let structural = Column(CodingKeys.structural)
    }

    /// A month not judged yet.
    init(normID: Int64, aanbieder: String, client: String, month: Month, firstDay: Day, lastDay: Day) {
        self.init(
            normID: normID, aanbieder: aanbieder, client: client, month: month.description, used: 0, cents: 0,
            firstDay: firstDay.iso, lastDay: lastDay.iso, allowed: 0, above: 0, amountAbove: 0, structural: false,
            approved: nil)
    }

    init(
        normID: Int64, aanbieder: String, client: String, month: String, used: Int64, cents: Int64,
        firstDay: String, lastDay: String, allowed: Int64, above: Int64, amountAbove: Int64, structural: Bool,
        approved: Int64?
    ) {
        self.normID = normID
        self.aanbieder = aanbieder
        self.client = client
        self.month = month
        self.used = used
        self.cents = cents
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.allowed = allowed
        self.above = above
        self.amountAbove = amountAbove
        self.structural = structural
        self.approved = approved
    }

    var verdict: IntensityVerdict {
        get {
            IntensityVerdict(
                allowed: allowed, above: above, amountAboveCents: amountAbove, structural: structural,
                approved: approved)
        }
        set {
            allowed = newValue.allowed
            above = newValue.above
            amountAbove = newValue.amountAboveCents
            structural = newValue.structural
            approved = newValue.approved
        }
    }

    /// What `IntensityAssessment` judges: the use and the days it covers in the month.
    var use: IntensityUse? {
        guard let month = Month(month), let first = Day(iso: firstDay), let last = Day(iso: lastDay) else {
            return nil
        }
        let days = min(month.dayCount, max(1, last.daysSince1970 - first.daysSince1970 + 1))
        return IntensityUse(used: used, cents: cents, days: days)
    }

    /// Nothing used, nothing paid, nothing above: a line and its credit; the row can go.
    var isEmpty: Bool { used == 0 && cents == 0 && above == 0 }

    /// Adds a line's (or credit's) use, widening the days it covers.
    mutating func add(used: Int64, cents: Int64, firstDay: Day, lastDay: Day) {
        self.used += used
        self.cents += cents
        self.firstDay = min(self.firstDay, firstDay.iso)
        self.lastDay = max(self.lastDay, lastDay.iso)
    }

    /// One client's months under a norm, by the primary key (`PerLineQueryPlanTests`).
    static func client(normID: Int64, aanbieder: String, client: String) -> QueryInterfaceRequest<Self> {
        filter(Columns.normID == normID && Columns.aanbieder == aanbieder && Columns.client == client)
    }

    /// Writes the month as it now is: one cached statement, as the line path needs.
    func save(_ db: Database) throws {
        let statement = try DirectStatement(db, sql: Self.saveSQL)
        statement.bind(normID, at: 1)
        statement.bind(aanbieder, at: 2)
        statement.bind(client, at: 3)
        statement.bind(month, at: 4)
        statement.bind(used, at: 5)
        statement.bind(cents, at: 6)
        statement.bind(firstDay, at: 7)
        statement.bind(lastDay, at: 8)
        statement.bind(allowed, at: 9)
        statement.bind(above, at: 10)
        statement.bind(amountAbove, at: 11)
        statement.bind(structural ? 1 : 0, at: 12)
        statement.bind(approved, at: 13)
        try statement.run()
    }

    func deleteMonth(_ db: Database) throws {
        let statement = try DirectStatement(db, sql: Self.deleteSQL)
        statement.bind(normID, at: 1)
        statement.bind(aanbieder, at: 2)
        statement.bind(client, at: 3)
        statement.bind(month, at: 4)
        try statement.run()
    }

    /// One client's months under a norm, read directly: once per line and intensiteitsnorm.
    static func clientMonths(_ db: Database, normID: Int64, aanbieder: String, client: String) throws -> [Self] {
        let statement = try DirectStatement(db, sql: clientMonthsSQL)
        statement.bind(normID, at: 1)
        statement.bind(aanbieder, at: 2)
        statement.bind(client, at: 3)
        var records: [Self] = []
        try statement.forEachRow { row in
            records.append(
                Self(
                    normID: normID, aanbieder: aanbieder, client: client, month: row.text(0), used: row.int64(1),
                    cents: row.int64(2), firstDay: row.text(3), lastDay: row.text(4), allowed: row.int64(5),
                    above: row.int64(6), amountAbove: row.int64(7), structural: row.int64(8) != 0,
                    approved: row.optionalInt64(9)))
        }
        return records
    }

    static let clientMonthsSQL = """
        SELECT month, used, cents, firstDay, lastDay, allowed, above, amountAbove, structural, approved
        FROM intensityMonth
        WHERE normID = ? AND aanbieder = ? AND client = ?
        """

    static let saveSQL = """
        INSERT INTO intensityMonth (normID, aanbieder, client, month, used, cents, firstDay, lastDay, allowed, above,
            amountAbove, structural, approved)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT DO UPDATE SET used = excluded.used, cents = excluded.cents, firstDay = excluded.firstDay,
            lastDay = excluded.lastDay, allowed = excluded.allowed, above = excluded.above,
            amountAbove = excluded.amountAbove, structural = excluded.structural, approved = excluded.approved
        """
    static let deleteSQL = "DELETE FROM intensityMonth WHERE normID = ? AND aanbieder = ? AND client = ? AND month = ?"
}
