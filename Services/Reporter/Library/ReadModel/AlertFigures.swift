import Contracts
import Foundation
import GRDB

/// An alert as the API shows it. Amounts in cents (for money norms).
public struct AlertFigures: Sendable, Equatable, Codable {
    public var id: Int64
    public var normID: Int64
    public var alertKind: String
    public var threshold: Int
    public var state: String
    public var value: Int64
    public var limit: Int64
    public var firedAt: String
    public var resolvedAt: String?
    /// The alert is about an instroomtarget: `value` counts clients, published as "<5"
    /// below five.
    public var countsClients = false
}

extension ReporterDatabase {
    /// Page `page` of `perPage` of the alerts in `state` (`firing`, `resolved`, or nil for
    /// all) about norms that concern `area`, newest first.
    public func alerts(state: String?, area: ReportArea = .all, page: Int, perPage: Int) async throws
        -> ListPage<AlertFigures>
    {
        try await writer.read { db in
            let definitions = try normDefinitions.all(db)
            let filter = "FROM alert WHERE (? IS NULL OR state = ?)" + area.normClause(definitions)
            let counting = Set(definitions.filter { $0.kind == .instroomtarget }.map(\.id))
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) " + filter, arguments: [state, state]) ?? 0
            let items = try ReporterAlertRecord.fetchAll(
                db, sql: "SELECT * " + filter + " ORDER BY id DESC LIMIT ? OFFSET ?",
                arguments: [state, state, perPage, (page - 1) * perPage]
            ).map { record in
                var figures = record.figures
                figures.countsClients = counting.contains(record.normID)
                return figures
            }
            return ListPage(items: items, total: total, page: page, perPage: perPage)
        }
    }
}
