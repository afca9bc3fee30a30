import Foundation
import GRDB

/// A norm's firing alerts as the norm page lists them, with who acknowledged each.
struct NormAlert: Sendable, Equatable {
    var id: Int64
    var alertKind: String
    var threshold: Int
    var firedAt: String
    var acknowledgedBy: String?
}

extension ReporterDatabase {
    func firingAlerts(normID: Int64) throws -> [NormAlert] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.id, a.alertKind, a.threshold, a.firedAt, k.acknowledgedBy FROM alert a
                    LEFT JOIN alertAcknowledgement k ON k.alertID = a.id
                    WHERE a.normID = ? AND a.state = 'firing' ORDER BY a.id
                    """, arguments: [normID]
            ).map {
                NormAlert(
                    id: $0["id"], alertKind: $0["alertKind"], threshold: $0["threshold"], firedAt: $0["firedAt"],
                    acknowledgedBy: $0["acknowledgedBy"])
            }
        }
    }
}

extension ReporterDatabase {
    /// All firing alerts with their norm's name: unacknowledged first, then newest first.
    func firingAlertsNeedingAttention(limit: Int = 500) throws -> [(norm: String, normID: Int64, alert: NormAlert)] {
        try writer.read { db in
            let names = Dictionary(
                try normDefinitions.all(db).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT a.id, a.normID, a.alertKind, a.threshold, a.firedAt, k.acknowledgedBy FROM alert a
                    LEFT JOIN alertAcknowledgement k ON k.alertID = a.id
                    WHERE a.state = 'firing' ORDER BY k.acknowledgedBy IS NOT NULL, a.id DESC LIMIT ?
                    """, arguments: [limit]
            ).map { row in
                let normID: Int64 = row["normID"]
                return (
                    names[normID] ?? "norm \(normID)", normID,
                    NormAlert(
                        id: row["id"], alertKind: row["alertKind"], threshold: row["threshold"],
                        firedAt: row["firedAt"], acknowledgedBy: row["acknowledgedBy"])
                )
            }
        }
    }
}
