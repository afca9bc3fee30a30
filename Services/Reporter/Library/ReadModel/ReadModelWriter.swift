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
        switch event.eventKind {
        case LineAccepted.kind:
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
        case LineCredited.kind:
            let line = try LineCredited.decoded(from: event.body).line
            try SpendCells.add(db, line: line, sign: -1)
            try IndicatorFacts.addLine(db, line, sign: -1)
            try ProductFacts.addLine(db, line, sign: -1)
        case CareStarted.kind:
            let start = try CareStarted.decoded(from: event.body)
            try ProductFacts.careStarted(db, start)
            guard !start.withdrawn else { break }
            try InflowLedger.record(
                db, aanbieder: start.aanbieder, gemeente: start.gemeente, categorie: start.productCategorie,
                productCode: start.productCode, client: start.client, day: start.begindatum)
            try CareMonths.record(
                db, aanbieder: start.aanbieder, gemeente: start.gemeente, categorie: start.productCategorie,
                productCode: start.productCode, client: start.client, from: start.begindatum, through: start.begindatum)
        case CareStopped.kind:
            try IndicatorFacts.careStopped(db, try CareStopped.decoded(from: event.body))
        case AllocationReceived.kind:
            try AllocationFacts.allocated(db, try AllocationReceived.decoded(from: event.body))
        case ReferralRequested.kind:
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
        switch event.eventKind {
        case NormChanged.kind:
            let change = try NormChanged.decoded(from: event.body)
            try db.execute(
                sql: """
                    INSERT INTO norm (id, version, changedAt) VALUES (?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET version = excluded.version, changedAt = excluded.changedAt
                    """,
                arguments: [change.norm.id, change.norm.version, change.at.formatted(.iso8601)])
            try NormDefinitionTables.save(db, change.norm)
        case AlertFiring.kind:
            let alert = try AlertFiring.decoded(from: event.body)
            // A replayed event finds its alert stored already.
            try ReporterAlertRecord(
                id: alert.alertID, normID: alert.norm.id, alertKind: alert.alertKind.rawValue,
                threshold: alert.threshold, state: .firing, value: alert.value, normLimit: alert.limit,
                firedAt: alert.firedAt.formatted(.iso8601), resolvedAt: nil
            ).insert(db, onConflict: .ignore)
        case IntensityAssessed.kind:
            try IntensityFigures.apply(db, try IntensityAssessed.decoded(from: event.body))
        case AlertResolved.kind:
            let resolved = try AlertResolved.decoded(from: event.body)
            try db.execute(
                sql: "UPDATE alert SET state = 'resolved', resolvedAt = ?, value = ? WHERE id = ?",
                arguments: [resolved.resolvedAt.formatted(.iso8601), resolved.value, resolved.alertID])
        default:
            break
        }
    }
}
