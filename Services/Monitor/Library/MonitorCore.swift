import Contracts
import Domain
import Foundation
import GRDB
import Logging
import Messaging
import Storage
import Synchronization

/// Monitor's logic, without sockets: the store, the norm index, applying intake's log
/// and answering admin requests. The service wires it to ZeroMQ; tests call it directly.
public final class MonitorCore: Sendable {
    public let database: MonitorDatabase
    private let index: Mutex<NormIndex>
    private let clock: @Sendable () -> Date
    private let logger: Logger

    public init(database: MonitorDatabase, clock: @escaping @Sendable () -> Date = Date.init, logger: Logger) throws {
        self.database = database
        self.clock = clock
        self.logger = logger
        let norms = try database.writer.read { try MonitorDatabase.loadNorms($0) }
        self.index = Mutex(NormIndex(norms))
    }

    /// The consumer of intake's event log. The norm index is read inside the write
    /// transaction, and only changed inside one, so a line and a norm change never race.
    public func intakeSink(afterCommit: @escaping @Sendable () -> Void) -> TransactionalEventSink {
        TransactionalEventSink(writer: database.writer, producer: "intake", afterCommit: afterCommit) {
            [self] db, event in
            let norms = index.withLock { $0 }
            try LedgerWriter(norms: norms, now: clock()).apply(db, event: event)
        }
    }

    /// Adds a norm, starting from the spend already declared in its scope.
    public func addNorm(_ request: NormAddRequest) throws -> NormStatus {
        try NormValidation.validate(request)
        let period: Period
        if let label = request.period {
            guard let parsed = Period(parsing: label) else {
                throw MonitorError(
                    .invalidRequest, "onbekende periode \(label): gebruik 2026, 2026-H2, 2026-Q3 of 2026-07")
            }
            period = parsed
        } else {
            period = Period.year(Day.today(now: clock()).year)
        }
        let now = clock()
        return try database.writer.write { db in
            let norm = NormDefinition(
                id: try MonitorDatabase.nextNormID(db), name: request.name, kind: request.kind,
                scope: NormScope(
                    gemeenten: request.gemeenten, regio: request.regio, aanbieder: request.aanbieder,
                    productCategorieen: request.productCategorieen, productCodes: request.productCodes),
                period: period, limit: request.limit,
                thresholds: request.thresholds ?? NormDefinition.defaultThresholds,
                stopRule: request.stopRule ?? .forecastAbove100)
            try MonitorDatabase.saveNorm(db, norm, change: .added, by: request.by, at: now)
            let value = try MonitorDatabase.rebuildLedger(db, for: norm)
            if norm.kind.limitIsMoney {
                try AlertBook.evaluate(db, norm: norm, value: value, now: now)
            }
            index.withLock { $0.insert(norm) }
            return try status(db, norm: norm)
        }
    }

    public func normStatuses() throws -> [NormStatus] {
        try database.writer.read { db in
            try MonitorDatabase.loadNorms(db).map { try status(db, norm: $0) }
        }
    }

    /// Alerts newest first, optionally only `firing` or `resolved`.
    public func alerts(state: String?) throws -> [AlertStatus] {
        if let state, !["firing", "resolved"].contains(state) {
            throw MonitorError(.invalidRequest, "status moet firing of resolved zijn")
        }
        return try database.writer.read { db in
            let names = Dictionary(uniqueKeysWithValues: try MonitorDatabase.loadNorms(db).map { ($0.id, $0.name) })
            return try Row.fetchAll(
                db,
                sql: "SELECT * FROM alert WHERE (? IS NULL OR state = ?) ORDER BY id DESC",
                arguments: [state, state]
            ).map { row in
                AlertStatus(
                    id: row["id"], normID: row["normID"], normName: names[row["normID"]] ?? "?",
                    alertKind: AlertKind(rawValue: row["alertKind"]) ?? .actual, threshold: row["threshold"],
                    state: row["state"], value: row["value"], limit: row["normLimit"], firedAt: row["firedAt"],
                    resolvedAt: row["resolvedAt"])
            }
        }
    }

    private func status(_ db: Database, norm: NormDefinition) throws -> NormStatus {
        let value = try MonitorDatabase.normValue(db, normID: norm.id)
        let firing = try AlertBook.firingThresholds(db, normID: norm.id, kind: .actual)
        return NormStatus(
            norm: norm, value: value, basisPoints: ThresholdLevels.basisPoints(value: value, limit: norm.limit),
            firing: firing.sorted(),
            forecast: norm.kind.limitIsMoney
                ? try MonitorDatabase.forecast(db, norm: norm, today: Day.today(now: clock())) : nil)
    }
}
