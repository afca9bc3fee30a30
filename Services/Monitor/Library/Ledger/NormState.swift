import Contracts
import Domain
import Foundation
import GRDB

/// What monitor knows about one active norm between batches, so a line's thresholds,
/// forecast and advice are judged in memory and the store is written only when something
/// changes (a month's total, the value, an alert, an advice). Mirrors the store exactly:
/// loaded from it at start and after every admin command that touches the norm, and
/// dropped (`LedgerCache`) when a transaction that changed it rolls back.
struct NormState: Sendable {
    var norm: NormDefinition
    /// Spend in cents, new clients, or the unlawful amount (intensiteitsnorm): `norm.value`.
    var value: Int64
    /// Money norms: spend by month of care (`normMonth`).
    var months: [Month: Int64]
    /// Firing alerts: kind → threshold → alert id.
    var firing: FiringAlerts
    var stop: StopInForce?
    /// An advice to impose a stop is open (`stopAdvice`).
    var imposeAdvised: Bool
    /// The previous-period advice was given (`periodAdvice`).
    var periodAdvised: Bool
    /// Intensiteitsnorm: the CPV's granted extra care, by client (`intensityApproval`).
    var approvals: IntensityApprovalBook.ByClient = [:]

    /// The stop in force, as far as a line needs it.
    struct StopInForce: Sendable, Equatable {
        var id: Int64
        var imposedAt: Date
        var liftAdvised: Bool
    }

    /// One norm's state read from the store (after an admin command changed it).
    static func load(_ db: Database, norm: NormDefinition) throws -> NormState {
        let months = try NormMonthRecord.forNorm(db, normID: norm.id)
        let stop = try StopRecord.inForce(db, normID: norm.id)
        return NormState(
            norm: norm, value: try MonitorDatabase.normValue(db, normID: norm.id),
            months: Dictionary(
                months.compactMap { row in Month(row.month).map { ($0, row.value) } }, uniquingKeysWith: +),
            firing: try AlertBook.firing(db, normID: norm.id),
            stop: stop.map {
                StopInForce(id: $0.id ?? 0, imposedAt: $0.imposedAt, liftAdvised: $0.liftAdvisedAt != nil)
            },
            imposeAdvised: try StopBook.imposeAdvised(db, normID: norm.id),
            periodAdvised: try PeriodAdvice.advised(db, normID: norm.id),
            approvals: try IntensityApprovalBook.granted(db, normID: norm.id)[norm.id] ?? [:])
    }
}

/// A norm's firing alerts: kind → threshold → the alert's id.
typealias FiringAlerts = [AlertKind: [Int: Int64]]
