import Contracts
import Domain
import GRDB

/// Every spend cell, read once and filed by provider and by gemeente: for the figures of
/// thousands of norms at once (a country's start page, the whole list of norms), one read
/// of a table of a few thousand cells (4,059 at 10× a country) instead of one query per
/// norm, which was 43% of the start page (docs/BENCHMARKS.md, stop 31). A norm's spend
/// comes out exactly as `SpendCells.byMonth` reads it from the store: the same rule per
/// cell (`SpendCellRow.add`).
public struct SpendCellIndex: Sendable {
    private var all: [SpendCellRow] = []
    private var byProvider: [String: [Int]] = [:]
    private var byGemeente: [String: [Int]] = [:]

    public static func read(_ db: Database) throws -> SpendCellIndex {
        var index = SpendCellIndex()
        let rows = try SpendCellRow.fetchCursor(
            db.cachedStatement(sql: "SELECT \(SpendCellRow.selection) FROM spendCell"))
        while let row = try rows.next() {
            index.byProvider[row.aanbieder, default: []].append(index.all.count)
            index.byGemeente[row.gemeente, default: []].append(index.all.count)
            index.all.append(row)
        }
        return index
    }

    /// The norm's spend by month of care.
    public func byMonth(norm: NormDefinition) -> [Month: Int64] {
        var result: [Month: Int64] = [:]
        // Only the cells the norm's provider, or else its gemeenten, can have; the rule
        // per cell decides the rest.
        if let aanbieder = norm.scope.aanbieder {
            for position in byProvider[aanbieder] ?? [] { all[position].add(to: &result, for: norm) }
        } else if !norm.scope.gemeenten.isEmpty {
            for gemeente in Set(norm.scope.gemeenten) {
                for position in byGemeente[gemeente] ?? [] { all[position].add(to: &result, for: norm) }
            }
        } else {
            for row in all { row.add(to: &result, for: norm) }
        }
        return result
    }
}
