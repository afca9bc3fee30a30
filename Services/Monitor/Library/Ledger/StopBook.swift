import Contracts
import Domain
import Foundation
import GRDB
import Storage

/// Referral stops: imposed and lifted by people, advised by the rules, and watched for
/// clients entering while one is in force.
enum StopBook {
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("monitor.v3.stops") { db in
            try db.execute(
                sql: """
                    CREATE TABLE stop (
                        id INTEGER PRIMARY KEY,
                        normID INTEGER NOT NULL REFERENCES norm(id),
                        imposedAt REAL NOT NULL,
                        imposedBy TEXT NOT NULL,
                        imposeReason TEXT NOT NULL,
                        liftedAt REAL,
                        liftedBy TEXT,
                        liftReason TEXT,
                        liftAdvisedAt REAL
                    );
                    CREATE UNIQUE INDEX stopInForce ON stop(normID) WHERE liftedAt IS NULL;
                    -- The open advice to impose, one per norm while its rule holds.
                    CREATE TABLE stopAdvice (
                        normID INTEGER PRIMARY KEY REFERENCES norm(id),
                        advisedAt REAL NOT NULL
                    );
                    CREATE TABLE exemption (
                        toewijzingNummer TEXT PRIMARY KEY,
                        reason TEXT NOT NULL,
                        recordedBy TEXT,
                        recordedAt REAL NOT NULL
                    );
                    -- The referrer type of each client's latest request, per provider.
                    CREATE TABLE referral (
                        aanbieder TEXT NOT NULL,
                        client TEXT NOT NULL,
                        verwijzerType TEXT NOT NULL,
                        PRIMARY KEY (aanbieder, client)
                    ) WITHOUT ROWID;
                    CREATE TABLE inflowFlag (
                        stopID INTEGER NOT NULL REFERENCES stop(id),
                        client TEXT NOT NULL,
                        PRIMARY KEY (stopID, client)
                    ) WITHOUT ROWID;
                    """)
        }
    }

    /// Registered after every earlier migration of monitor's store (append-only).
    static func registerLiftDespiteMigration(_ migrator: inout DatabaseMigrator) {
        // Who lifted a stop against the four-month rule, and why.
        migrator.registerMigration("monitor.policy.v1.liftDespite") { db in
            try db.execute(sql: "ALTER TABLE stop ADD COLUMN liftDespite TEXT")
        }
    }

    struct Stop {
        var id: Int64
        var imposedAt: Date
    }

    static func inForce(_ db: Database, normID: Int64) throws -> Stop? {
        try StopRecord.inForce(db, normID: normID).map {
            Stop(id: $0.id ?? 0, imposedAt: $0.imposedAt)
        }
    }

    static func imposeAdvised(_ db: Database, normID: Int64) throws -> Bool {
        try Bool.fetchOne(
            try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM stopAdvice WHERE normID = ?)"),
            arguments: [normID]) ?? false
    }

    /// Norms with an open advice to impose a stop.
    static func openImposeAdvice(_ db: Database) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT normID FROM stopAdvice")
    }

    static func impose(_ db: Database, norm: NormDefinition, by: String, reason: String, now: Date) throws
        -> StopImposed
    {
        guard norm.kind.allowsStop else {
            throw MonitorError(
                .invalidRequest, "een \(norm.kind.rawValue) leidt nooit tot een toeleidingsstop")
        }
        if try inForce(db, normID: norm.id) != nil {
            throw MonitorError(.invalidRequest, "er geldt al een stop voor norm \(norm.id)")
        }
        try db.cachedStatement(
            sql: "INSERT INTO stop (normID, imposedAt, imposedBy, imposeReason) VALUES (?, ?, ?, ?)"
        ).execute(arguments: [norm.id, Timestamp.iso8601(now), by, reason])
        let event = StopImposed(
            stopID: db.lastInsertedRowID, normID: norm.id, aanbieder: norm.scope.aanbieder, by: by, reason: reason,
            at: now)
        try Outbox.append(db, event, at: now)
        return event
    }

    /// Lifts the stop in force. The four-month rule decides: when a new stop is expected
    /// within four months the lift is refused, unless the person records why (`despite`).
    static func lift(
        _ db: Database, norm: NormDefinition, by: String, reason: String, despite: String?,
        value: Int64, forecast: RunRateForecast?, now: Date
    ) throws -> StopLifted {
        guard let stop = try inForce(db, normID: norm.id) else {
            throw MonitorError(.invalidRequest, "er geldt geen stop voor norm \(norm.id)")
        }
        let expected = StopAdvice.newStopExpected(
            norm: norm, value: value, forecast: forecast, today: Day.today(now: now))
        let despite = despite?.trimmingCharacters(in: .whitespaces)
        if let expected, despite?.isEmpty ?? true {
            throw MonitorError(
                .invalidRequest,
                "opheffen kan nog niet: \(LiftRefusal.text(expected, norm: norm)). Binnen vier maanden "
                    + "wordt opnieuw een stop verwacht; hef alleen op met de reden erbij: --ondanks REDEN")
        }
        let recorded = expected == nil ? nil : despite
        try db.cachedStatement(
            sql: "UPDATE stop SET liftedAt = ?, liftedBy = ?, liftReason = ?, liftDespite = ? WHERE id = ?"
        ).execute(arguments: [Timestamp.iso8601(now), by, reason, recorded, stop.id])
        try db.cachedStatement(sql: "DELETE FROM stopAdvice WHERE normID = ?").execute(arguments: [norm.id])
        let event = StopLifted(stopID: stop.id, normID: norm.id, by: by, reason: reason, despite: recorded, at: now)
        try Outbox.append(db, event, at: now)
        return event
    }

    /// Advises imposing (once while the rule holds and no stop is in force) or lifting
    /// (once per stop), after the norm's value or forecast changed; from the store.
    static func advise(
        _ db: Database, norm: NormDefinition, value: Int64, settings: RunRateForecast.Settings, now: Date
    ) throws {
        guard norm.kind.allowsStop else { return }
        let forecast =
            norm.kind.hasForecast
            ? try MonitorDatabase.forecast(db, norm: norm, today: Day.today(now: now), settings: settings) : nil
        var state = try NormState.load(db, norm: norm)
        try advise(db, state: &state, value: value, forecast: forecast, today: Day.today(now: now), now: now)
    }

    /// The same with the norm's forecast and its stop and advice at hand (in memory): the
    /// store is written only when the advice changes.
    static func advise(
        _ db: Database, state: inout NormState, value: Int64, forecast: RunRateForecast?, today: Day, now: Date
    ) throws {
        let norm = state.norm
        guard norm.kind.allowsStop else { return }
        let advice = { (kind: StopAdvised.Advice) in
            StopAdvised(
                normID: norm.id, advice: kind, rule: norm.stopRule, value: value, limit: norm.limit,
                projectedTotal: forecast?.projectedTotal, crossingDate: forecast?.crossingDate,
                projectedLow: forecast?.projectedLow, projectedHigh: forecast?.projectedHigh, at: now)
        }
        if let stop = state.stop {
            guard !stop.liftAdvised,
                StopAdvice.liftAdvised(norm: norm, value: value, forecast: forecast, today: today)
            else { return }
            try db.cachedStatement(
                sql: "UPDATE stop SET liftAdvisedAt = ? WHERE id = ? AND liftAdvisedAt IS NULL"
            ).execute(arguments: [Timestamp.iso8601(now), stop.id])
            state.stop?.liftAdvised = true
            guard db.changesCount > 0 else { return }
            try Outbox.append(db, advice(.lift), at: now)
            return
        }
        if StopAdvice.imposeAdvised(norm: norm, value: value, forecast: forecast) {
            guard !state.imposeAdvised else { return }
            try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO stopAdvice (normID, advisedAt) VALUES (?, ?)"
            ).execute(arguments: [norm.id, Timestamp.iso8601(now)])
            state.imposeAdvised = true
            guard db.changesCount > 0 else { return }
            try Outbox.append(db, advice(.impose), at: now)
        } else if state.imposeAdvised {
            // The rule no longer holds: a later crossing is advised afresh.
            try db.cachedStatement(sql: "DELETE FROM stopAdvice WHERE normID = ?").execute(arguments: [norm.id])
            state.imposeAdvised = false
        }
    }

    static func exempt(_ db: Database, _ request: ExemptRequest, now: Date) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO exemption (toewijzingNummer, reason, recordedBy, recordedAt) VALUES (?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET reason = excluded.reason, recordedBy = excluded.recordedBy,
                    recordedAt = excluded.recordedAt
                """
        ).execute(arguments: [request.toewijzingNummer, request.reason.rawValue, request.by, Timestamp.iso8601(now)])
    }

    static func recordReferral(_ db: Database, _ referral: ReferralRequested) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO referral (aanbieder, client, verwijzerType, team) VALUES (?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET verwijzerType = excluded.verwijzerType, team = excluded.team
                """
        ).execute(arguments: [referral.aanbieder, referral.client, referral.verwijzerType, referral.verwijzerTeam])
    }

    /// A client new to the provider under a norm with a stop in force: flagged unless the
    /// allocation is marked for a route or the referral came by one, once per stop and client.
    static func checkInflow(
        _ db: Database, norm: NormDefinition, stop: NormState.StopInForce, gemeente: String, aanbieder: String,
        client: String, toewijzingNummer: String?, day: Day, routes: ExceptionRoutes, now: Date
    ) throws {
        guard day >= Day(date: stop.imposedAt, timeZone: Day.amsterdam) else { return }
        if let number = toewijzingNummer,
            try Bool.fetchOne(try db.cachedStatement(sql: exemptionSQL), arguments: [number]) ?? false
        {
            return
        }
        let referral = try ReferralRow.fetchOne(
            try db.cachedStatement(sql: referrerSQL), arguments: [aanbieder, client])
        let referrer = referral?.verwijzerType
        if routes.route(verwijzerType: referrer, team: referral?.team) != nil { return }
        try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO inflowFlag (stopID, client) VALUES (?, ?)"
        ).execute(arguments: [stop.id, client])
        guard db.changesCount > 0 else { return }
        let event = InflowDuringStop(
            stopID: stop.id, normID: norm.id, aanbieder: aanbieder, gemeente: gemeente, client: client,
            toewijzingNummer: toewijzingNummer, verwijzerType: referrer, day: day)
        try Outbox.append(db, event, at: now)
    }

    // Per-line look-ups, checked against their plan in `PerLineQueryPlanTests`.
    static let exemptionSQL = "SELECT EXISTS (SELECT 1 FROM exemption WHERE toewijzingNummer = ?)"
    static let referrerSQL = "SELECT verwijzerType, team FROM referral WHERE aanbieder = ? AND client = ?"
}

/// The latest referral of a client at a provider, as far as an arrival during a stop needs it.
private struct ReferralRow: Decodable, FetchableRecord {
    var verwijzerType: String?
    var team: String?
}
