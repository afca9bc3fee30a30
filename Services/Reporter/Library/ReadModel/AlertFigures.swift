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
}

extension ReporterDatabase {
    /// Alerts newest first; `state` is `firing`, `resolved` or nil for all; `area`: only
    /// alerts about norms that concern it.
    public func alerts(state: String?, area: ReportArea = .all) throws -> [AlertFigures] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM alert WHERE (? IS NULL OR state = ?)" + area.normClause(try normDefinitions.all(db))
                    + " ORDER BY id DESC",
                arguments: [state, state]
            ).map { row in
                AlertFigures(
                    id: row["id"], normID: row["normID"], alertKind: row["alertKind"], threshold: row["threshold"],
                    state: row["state"], value: row["value"], limit: row["normLimit"], firedAt: row["firedAt"],
                    resolvedAt: row["resolvedAt"])
            }
        }
    }
}
