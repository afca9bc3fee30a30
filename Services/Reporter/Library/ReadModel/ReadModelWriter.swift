import Contracts
import Foundation
import GRDB
import Messaging
import Storage

/// Applies the three event logs to the read model, inside each consumer's transaction.
enum ReadModelWriter {
    static func applyNotifier(_ db: Database, _ event: LoggedEvent) throws {
        try Timeline.record(db, producer: "notifier", event)
        try HandlingFacts.applyNotifier(db, event)
    }

    /// Each intake event is decoded once, then feeds the spend cells, the first-seen
    /// table and the indicator facts.
    static func applyIntake(_ db: Database, _ event: LoggedEvent) throws {
        switch event.kind {
        case LineAccepted.kind.rawValue:
            let line = try LineAccepted.decoded(from: event.body).line
            try SpendCells.add(db, line: line, sign: 1)
            try InflowLedger.record(
                db, aanbieder: line.aanbieder, gemeente: line.gemeente, categorie: line.productCategorie,
                productCode: line.productCode, client: line.client, day: line.periodStart)
            try CareMonths.record(
                db, aanbieder: line.aanbieder, gemeente: line.gemeente, categorie: line.productCategorie,
                productCode: line.productCode, client: line.client, from: line.periodStart, through: line.periodEnd)
            try IndicatorFacts.addLine(db, line, sign: 1)
            try ProductFacts.addLine(db, line, sign: 1)
            try AllocationFacts.declared(db, line)
        case LineCredited.kind.rawValue:
            let line = try LineCredited.decoded(from: event.body).line
            try SpendCells.add(db, line: line, sign: -1)
            try IndicatorFacts.addLine(db, line, sign: -1)
            try ProductFacts.addLine(db, line, sign: -1)
        case CareStarted.kind.rawValue:
            let start = try CareStarted.decoded(from: event.body)
            try ProductFacts.careStarted(db, start)
            guard !start.withdrawn else { break }
            try InflowLedger.record(
                db, aanbieder: start.aanbieder, gemeente: start.gemeente, categorie: start.productCategorie,
                productCode: start.productCode, client: start.client, day: start.begindatum)
            try CareMonths.record(
                db, aanbieder: start.aanbieder, gemeente: start.gemeente, categorie: start.productCategorie,
                productCode: start.productCode, client: start.client, from: start.begindatum, through: start.begindatum)
        case CareStopped.kind.rawValue:
            try IndicatorFacts.careStopped(db, try CareStopped.decoded(from: event.body))
        case AllocationReceived.kind.rawValue:
            try AllocationFacts.allocated(db, try AllocationReceived.decoded(from: event.body))
        case ReferralRequested.kind.rawValue:
            try IndicatorFacts.referred(db, try ReferralRequested.decoded(from: event.body))
        default:
            break
        }
    }

    static func applyMonitor(_ db: Database, _ event: LoggedEvent) throws {
        try applyMonitorFigures(db, event)
        try Timeline.record(db, producer: "monitor", event)
        try HandlingFacts.applyMonitor(db, event)
        try ProviderNames.apply(db, event)
    }

    private static func applyMonitorFigures(_ db: Database, _ event: LoggedEvent) throws {
        switch event.kind {
        case NormChanged.kind.rawValue:
            let change = try NormChanged.decoded(from: event.body)
            try db.execute(
                sql: """
                    INSERT INTO norm (id, definition, version, changedAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET definition = excluded.definition,
                        version = excluded.version, changedAt = excluded.changedAt
                    """,
                arguments: [
                    change.norm.id, try JSONCoding.encoder().encode(change.norm), change.norm.version,
                    change.at.formatted(.iso8601),
                ])
        case AlertFiring.kind.rawValue:
            let alert = try AlertFiring.decoded(from: event.body)
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO alert (id, normID, alertKind, threshold, state, value, normLimit, firedAt)
                    VALUES (?, ?, ?, ?, 'firing', ?, ?, ?)
                    """,
                arguments: [
                    alert.alertID, alert.norm.id, alert.alertKind.rawValue, alert.threshold, alert.value, alert.limit,
                    alert.firedAt.formatted(.iso8601),
                ])
        case IntensityAssessed.kind.rawValue:
            try IntensityFigures.apply(db, try IntensityAssessed.decoded(from: event.body))
        case AlertResolved.kind.rawValue:
            let resolved = try AlertResolved.decoded(from: event.body)
            try db.execute(
                sql: "UPDATE alert SET state = 'resolved', resolvedAt = ?, value = ? WHERE id = ?",
                arguments: [resolved.resolvedAt.formatted(.iso8601), resolved.value, resolved.alertID])
        default:
            break
        }
    }
}
