import Contracts
import Foundation
import GRDB
import Storage

/// A row of notifier's `alert` table: an alert as monitor published it (its bodies kept
/// whole), and what people did about it. Times are `Timestamp` text.
struct NotifierAlertRecord: Codable, TimestampedRecord, TableRecord, Sendable {
    static let databaseTableName = "alert"

    /// The alert's state, as monitor last published it.
    enum State: String, Codable, DatabaseValueConvertible, Sendable {
        case firing
        case resolved
    }

    var id: Int64
    var normID: Int64
    var state: State
    /// The `alert.firing` body.
    var firing: Data
    /// The `alert.resolved` body, once resolved.
    var resolved: Data?
    /// `AlertSeverity`'s raw value; see `alertSeverity`.
    var severity: String
    var receivedAt: Date
    var acknowledgedBy: String?
    var acknowledgedNote: String?
    var acknowledgedAt: Date?
    var silencedUntil: Date?
    var silencedBy: String?
    var escalatedAt: Date?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let normID = Column(CodingKeys.normID)
        static let state = Column(CodingKeys.state)
        static let firing = Column(CodingKeys.firing)
        static let resolved = Column(CodingKeys.resolved)
        static let severity = Column(CodingKeys.severity)
        static let receivedAt = Column(CodingKeys.receivedAt)
        static let acknowledgedBy = Column(CodingKeys.acknowledgedBy)
        static let acknowledgedNote = Column(CodingKeys.acknowledgedNote)
        static let acknowledgedAt = Column(CodingKeys.acknowledgedAt)
        static let silencedUntil = Column(CodingKeys.silencedUntil)
        static let silencedBy = Column(CodingKeys.silencedBy)
        static let escalatedAt = Column(CodingKeys.escalatedAt)
    }

    /// A text this release does not know reads as low, as the column's default says.
    var alertSeverity: AlertSeverity { AlertSeverity(rawValue: severity) ?? .laag }

    func firingEvent() throws -> AlertFiring { try AlertFiring.decoded(from: firing) }

    func resolvedEvent() throws -> AlertResolved? { try resolved.map { try AlertResolved.decoded(from: $0) } }
}
