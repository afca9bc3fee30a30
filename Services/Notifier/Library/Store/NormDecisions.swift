import Contracts
import Foundation
import GRDB
import Storage

/// Stops imposed and lifted, as heard on monitor's log, so notifier's audit shows what
/// people decided about a norm next to who was told about its alerts and who
/// acknowledged them. Written in the consumer's transaction, once per event.
enum NormDecisions {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("notifier.v5.normDecisions") { db in
            try db.create(table: "normDecision") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("normID", .integer).notNull().indexed()
                table.column("kind", .text).notNull().check { ["stop.imposed", "stop.lifted"].contains($0) }
                table.column("by", .text).notNull()
                table.column("reason", .text).notNull()
                table.column("at", .double).notNull()
            }
        }
    }

    static func record(_ db: Database, _ decision: NormDecisionAudit) throws {
        try NormDecisionRecord(
            normID: decision.normID, kind: decision.kind, by: decision.by, reason: decision.reason,
            at: decision.at
        ).insert(db)
    }

    static func of(_ db: Database, normID: Int64) throws -> [NormDecisionAudit] {
        try NormDecisionRecord.filter(NormDecisionRecord.Columns.normID == normID)
            .order(NormDecisionRecord.Columns.id).fetchAll(db)
            .map {
                NormDecisionAudit(
                    kind: $0.kind, normID: $0.normID, by: $0.by, reason: $0.reason,
                    at: $0.at)
            }
    }
}

/// One row of `normDecision`.
struct NormDecisionRecord: Codable, TimestampedRecord, PersistableRecord {
    static let databaseTableName = "normDecision"
    var id: Int64?
    var normID: Int64
    var kind: String
    var by: String
    var reason: String
    var at: Date

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let normID = Column(CodingKeys.normID)
    }
}
