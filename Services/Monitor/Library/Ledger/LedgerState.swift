import Contracts
import Domain
import Foundation
import GRDB

/// Every active norm's state and the index that finds a line's norms: what the consumer
/// keeps in memory between batches.
struct LedgerState: Sendable {
    var index: NormIndex
    var norms: [Int64: NormState]
    /// Allocation numbers whose client monitor has stored (`allocationClient`): a line
    /// under a known allocation costs a look-up here, not a statement.
    var knownAllocations: Set<String> = []

    /// The whole state from the store, in a handful of queries (at start, or after a
    /// rolled-back transaction left the memory ahead of the store).
    static func load(_ db: Database) throws -> LedgerState {
        let active = try MonitorDatabase.loadNorms(db).filter { !$0.ended }
        var states: [Int64: NormState] = [:]
        let values = try MonitorDatabase.normValues(db)
        for norm in active {
            states[norm.id] = NormState(
                norm: norm, value: values[norm.id] ?? 0, months: [:], firing: [:], stop: nil, imposeAdvised: false,
                periodAdvised: false)
        }
        for row in try NormMonthRecord.fetchAll(db) {
            guard let month = Month(row.month) else { continue }
            states[row.normID]?.months[month, default: 0] += row.value
        }
        for alert in try AlertRecord.firing().fetchAll(db) {
            states[alert.normID]?.firing[alert.alertKind, default: [:]][alert.threshold] = alert.id
        }
        for stop in try StopRecord.inForce().fetchAll(db) {
            states[stop.normID]?.stop = NormState.StopInForce(
                id: stop.id ?? 0, imposedAt: stop.imposedAt, liftAdvised: stop.liftAdvisedAt != nil)
        }
        for normID in try StopBook.openImposeAdvice(db) { states[normID]?.imposeAdvised = true }
        for normID in try PeriodAdvice.advisedNorms(db) { states[normID]?.periodAdvised = true }
        for (normID, approvals) in try IntensityApprovalBook.granted(db) { states[normID]?.approvals = approvals }
        return LedgerState(
            index: NormIndex(active), norms: states, knownAllocations: try AllocationClients.numbers(db))
    }

    /// A norm as an admin command left it in the store: an ended norm leaves the state.
    mutating func reload(_ db: Database, norm: NormDefinition) throws {
        index.remove(id: norm.id)
        norms[norm.id] = nil
        guard !norm.ended else { return }
        index.insert(norm)
        norms[norm.id] = try NormState.load(db, norm: norm)
    }
}
