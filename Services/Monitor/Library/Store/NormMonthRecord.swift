import Domain
import Foundation
import GRDB

/// A money norm's spend in one month of care (`normMonth`), so charts and forecasts need
/// no rescan of the spend cells.
struct NormMonthRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "normMonth"

    var normID: Int64
    /// `2026-03`, as `Month.description` writes it.
    var month: String
    var value: Int64

    enum Columns {
        static let normID = Column(CodingKeys.normID)
        static let month = Column(CodingKeys.month)
        static let value = Column(CodingKeys.value)
    }

    /// The norm's months. A cached statement: read for every norm an admin request
    /// touches (an import of a country's 10,000 norms), where the query interface built
    /// and prepared its SQL anew each time.
    static func forNorm(_ db: Database, normID: Int64) throws -> [NormMonthRecord] {
        try fetchAll(db.cachedStatement(sql: "SELECT * FROM normMonth WHERE normID = ?"), arguments: [normID])
    }

    /// Writes the month's total as it now is (the batch added its lines in memory).
    static func save(_ db: Database, normID: Int64, month: Month, value: Int64) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO normMonth (normID, month, value) VALUES (?, ?, ?)
                ON CONFLICT DO UPDATE SET value = excluded.value
                """
        ).execute(arguments: [normID, month.description, value])
    }

    /// A month no longer counted (an instroomtarget's client moved to another month).
    static func delete(_ db: Database, normID: Int64, month: Month) throws {
        try db.cachedStatement(sql: "DELETE FROM normMonth WHERE normID = ? AND month = ?")
            .execute(arguments: [normID, month.description])
    }
}
