import Contracts
import Foundation
import GRDB

/// Whether an alert still holds. Stored as the text the schema's CHECK allows.
enum AlertState: String, Codable, Sendable, DatabaseValueConvertible {
    case firing
    case resolved
}

// AlertKind lives in Contracts, which knows no SQLite; its raw text is what the alert
// table's CHECK allows.
extension AlertKind: DatabaseValueConvertible {}

/// One row of the `alert` table: a threshold crossed, firing until the value falls back.
struct AlertRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "alert"

    var id: Int64?
    var normID: Int64
    var alertKind: AlertKind
    var threshold: Int
    var state: AlertState
    var value: Int64
    var normLimit: Int64
    var firedAt: Date
    var resolvedAt: Date?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let normID = Column(CodingKeys.normID)
        static let alertKind = Column(CodingKeys.alertKind)
        static let threshold = Column(CodingKeys.threshold)
        static let state = Column(CodingKeys.state)
        static let value = Column(CodingKeys.value)
        static let resolvedAt = Column(CodingKeys.resolvedAt)
    }

    // The table has held ISO 8601 text since monitor.v1 (`2026-05-28T20:26:40Z`).
    static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy { .iso8601 }
    static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy { .iso8601 }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// `state = 'firing'` written out, not bound: the partial index `alertFiringOnce` is
    /// chosen on that literal, and a bound value it depends on makes SQLite prepare the
    /// statement again every time it is bound (that was half of an import's time).
    static func firing() -> QueryInterfaceRequest<AlertRecord> {
        filter(sql: "state = 'firing'")
    }

    /// The norm's firing alerts, through a cached statement (read per norm an admin
    /// request touches, see `NormMonthRecord.forNorm`).
    static func firing(_ db: Database, normID: Int64) throws -> [AlertRecord] {
        try fetchAll(
            db.cachedStatement(sql: "SELECT * FROM alert WHERE normID = ? AND state = 'firing'"), arguments: [normID])
    }
}
