import Foundation
import GRDB
import Storage

/// A referral stop as people imposed and lifted it (`stop`); times are `Timestamp` text
/// (Unix seconds from monitor.v3.stops until monitor.v19.isoTimes).
struct StopRecord: Codable, Sendable, TimestampedRecord, MutablePersistableRecord {
    static let databaseTableName = "stop"

    var id: Int64?
    var normID: Int64
    var imposedAt: Date
    var imposedBy: String
    var imposeReason: String
    var liftedAt: Date?
    var liftedBy: String?
    var liftReason: String?
    var liftAdvisedAt: Date?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let normID = Column(CodingKeys.normID)
        static let liftedAt = Column(CodingKeys.liftedAt)
        static let liftAdvisedAt = Column(CodingKeys.liftAdvisedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Stops not lifted: at most one per norm (`stopInForce`).
    static func inForce() -> QueryInterfaceRequest<StopRecord> {
        filter(Columns.liftedAt == nil)
    }

    /// The norm's stop in force, through a cached statement (read per norm an admin
    /// request touches, see `NormMonthRecord.forNorm`).
    static func inForce(_ db: Database, normID: Int64) throws -> StopRecord? {
        try fetchOne(
            db.cachedStatement(sql: "SELECT * FROM stop WHERE normID = ? AND liftedAt IS NULL"), arguments: [normID])
    }
}
