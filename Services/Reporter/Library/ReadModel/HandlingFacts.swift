import Contracts
import Foundation
import GRDB
import Messaging
import Storage

/// What people and rules did about a norm, kept per norm so the start page can say what
/// awaits a decision: the referral stop's state (advised, imposed, lift advised, from
/// monitor) and which alerts someone acknowledged (from notifier). The acknowledgements
/// have a table of their own because notifier's log may be applied before monitor's
/// alert reaches the read model.
enum HandlingFacts {
    enum StopState: String, Sendable, Codable {
        /// The rules advise a stop; nobody decided yet.
        case advised
        case imposed
        /// A stop is in force and the rules advise lifting it.
        case liftAdvised
    }

    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("reporter.v6.handling") { db in
            try db.execute(
                sql: """
                    CREATE TABLE normStop (
                        normID INTEGER PRIMARY KEY,
                        state TEXT NOT NULL CHECK (state IN ('advised', 'imposed', 'liftAdvised')),
                        since TEXT NOT NULL
                    );
                    CREATE TABLE alertAcknowledgement (
                        alertID INTEGER PRIMARY KEY,
                        acknowledgedBy TEXT NOT NULL,
                        acknowledgedAt TEXT NOT NULL
                    );
                    """)
        }
    }

    static func applyMonitor(_ db: Database, _ event: LoggedEvent) throws {
        switch event.eventKind {
        case StopAdvised.kind:
            let advice = try StopAdvised.decoded(from: event.body)
            let current = try state(db, normID: advice.normID)
            switch (advice.advice, current) {
            case (.impose, nil), (.impose, .advised?):
                try set(db, normID: advice.normID, .advised, at: advice.at)
            case (.lift, .imposed?):
                try set(db, normID: advice.normID, .liftAdvised, at: advice.at)
            default:
                break
            }
        case StopImposed.kind:
            let stop = try StopImposed.decoded(from: event.body)
            try set(db, normID: stop.normID, .imposed, at: stop.at)
        case StopLifted.kind:
            let lifted = try StopLifted.decoded(from: event.body)
            try db.execute(sql: "DELETE FROM normStop WHERE normID = ?", arguments: [lifted.normID])
        default:
            break
        }
    }

    static func applyNotifier(_ db: Database, _ event: LoggedEvent) throws {
        guard event.eventKind == AlertAcknowledged.kind else { return }
        let ack = try AlertAcknowledged.decoded(from: event.body)
        try db.execute(
            sql:
                "INSERT OR IGNORE INTO alertAcknowledgement (alertID, acknowledgedBy, acknowledgedAt) VALUES (?, ?, ?)",
            arguments: [ack.alertID, ack.by, ack.at.formatted(.iso8601)])
    }

    static func state(_ db: Database, normID: Int64) throws -> StopState? {
        try String.fetchOne(
            try db.cachedStatement(sql: "SELECT state FROM normStop WHERE normID = ?"), arguments: [normID]
        ).flatMap(StopState.init(rawValue:))
    }

    /// The ids of the norms that may need attention without working out every norm's
    /// figures: those with a firing alert, a stop, or a signal waiting for an analysegesprek
    /// (`SignalFacts`) matter. A forecast over the limit always has a firing forecast alert
    /// (monitor fires one at 100%).
    static func normsWithSomethingOpen(_ db: Database) throws -> Set<Int64> {
        Set(
            try Int64.fetchAll(
                db, sql: "SELECT normID FROM alert WHERE state = 'firing' UNION SELECT normID FROM normStop")
        ).union(try SignalFacts.waiting(db, normID: nil).keys)
    }

    private static func set(_ db: Database, normID: Int64, _ state: StopState, at: Date) throws {
        try db.execute(
            sql: """
                INSERT INTO normStop (normID, state, since) VALUES (?, ?, ?)
                ON CONFLICT(normID) DO UPDATE SET state = excluded.state, since = excluded.since
                """, arguments: [normID, state.rawValue, at.formatted(.iso8601)])
    }
}
