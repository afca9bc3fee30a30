import Foundation
import GRDB

/// A referral stop as people imposed and lifted it (`stop`); times are seconds since 1970
/// there, as the table has held them since monitor.v3.
struct StopRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
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

    static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }
    static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Stops not lifted: at most one per norm (`stopInForce`).
    static func inForce() -> QueryInterfaceRequest<StopRecord> {
        filter(Columns.liftedAt == nil)
    }
}
