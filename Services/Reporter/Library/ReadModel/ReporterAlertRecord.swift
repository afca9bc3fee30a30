import Foundation
import GRDB

/// A row of the read model's `alert` table: an alert as monitor published it. Times are
/// ISO 8601 text, as everywhere in the read model.
struct ReporterAlertRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "alert"

    enum State: String, Codable, DatabaseValueConvertible, Sendable {
        case firing
        case resolved
    }

    var id: Int64
    var normID: Int64
    /// `AlertKind`'s raw value (threshold, forecast, intensity, ...).
    var alertKind: String
    var threshold: Int
    var state: State
    /// The norm's figure when it fired (cents for money norms); updated when it resolves.
    var value: Int64
    var normLimit: Int64
    var firedAt: String
    var resolvedAt: String?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let normID = Column(CodingKeys.normID)
        static let alertKind = Column(CodingKeys.alertKind)
        static let threshold = Column(CodingKeys.threshold)
        static let state = Column(CodingKeys.state)
        static let value = Column(CodingKeys.value)
        static let normLimit = Column(CodingKeys.normLimit)
        static let firedAt = Column(CodingKeys.firedAt)
        static let resolvedAt = Column(CodingKeys.resolvedAt)
    }

    var figures: AlertFigures {
        AlertFigures(
            id: id, normID: normID, alertKind: alertKind, threshold: threshold, state: state.rawValue, value: value,
            limit: normLimit, firedAt: firedAt, resolvedAt: resolvedAt)
    }
}
