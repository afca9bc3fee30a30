import Foundation
import GRDB

/// A norm's firing alerts as the norm page lists them, with who acknowledged each.
struct NormAlert: Sendable, Equatable, Decodable, FetchableRecord {
    var id: Int64
    var alertKind: String
    var threshold: Int
    var firedAt: String
    var acknowledgedBy: String?
}

extension ReporterDatabase {
    func firingAlerts(normID: Int64) async throws -> [NormAlert] {
        try await writer.read { db in
            try NormAlert.fetchAll(
                db,
                sql: """
                    SELECT a.id, a.alertKind, a.threshold, a.firedAt, k.acknowledgedBy FROM alert a
                    LEFT JOIN alertAcknowledgement k ON k.alertID = a.id
                    WHERE a.normID = ? AND a.state = 'firing' ORDER BY a.id
                    """, arguments: [normID])
        }
    }
}

extension ReporterDatabase {
    /// All firing alerts with their norm's name: unacknowledged first, then newest first.
    func firingAlertsNeedingAttention(limit: Int = 500) async throws
        -> [(norm: String, normID: Int64, alert: NormAlert)]
    {
        try await writer.read { db in
            let names = Dictionary(
                try normDefinitions.all(db).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            return try NormAlertOfNorm.fetchAll(
                db,
                sql: """
                    SELECT a.id, a.normID, a.alertKind, a.threshold, a.firedAt, k.acknowledgedBy FROM alert a
                    LEFT JOIN alertAcknowledgement k ON k.alertID = a.id
                    WHERE a.state = 'firing' ORDER BY k.acknowledgedBy IS NOT NULL, a.id DESC LIMIT ?
                    """, arguments: [limit]
            ).map { row in
                (names[row.normID] ?? "norm \(row.normID)", row.normID, row.alert)
            }
        }
    }
}

/// A firing alert with the norm it is about (the row carries both).
private struct NormAlertOfNorm: Decodable, FetchableRecord {
    var normID: Int64
    var alert: NormAlert

    init(from decoder: any Decoder) throws {
        normID = try decoder.container(keyedBy: CodingKeys.self).decode(Int64.self, forKey: .normID)
        alert = try NormAlert(from: decoder)
    }

    private enum CodingKeys: String, CodingKey { case normID }
}
