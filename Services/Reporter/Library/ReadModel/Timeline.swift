import Contracts
import Domain
import Foundation
import GRDB
import Messaging
import Storage

/// The timeline of what happened to norms: alerts, stop advice, stops, inflow during a
/// stop (from monitor), acknowledgements, silences, escalations and failed deliveries
/// (from notifier). One entry per event, keyed by producer and sequence, so a replay or
/// a rebuild writes each entry once. Summaries are Dutch and carry no client data.
enum Timeline {
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("reporter.v2.timeline") { db in
            try db.execute(
                sql: """
                    CREATE TABLE timelineEntry (
                        producer TEXT NOT NULL,
                        seq INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        normID INTEGER,
                        at TEXT NOT NULL,
                        summary TEXT NOT NULL,
                        PRIMARY KEY (producer, seq)
                    );
                    CREATE INDEX timelineByNorm ON timelineEntry(normID, at);
                    """)
        }
    }

    public struct Entry: Codable, Sendable, Equatable, FetchableRecord {
        public var kind: String
        public var normID: Int64?
        public var at: String
        public var summary: String
    }

    static func record(_ db: Database, producer: String, _ event: LoggedEvent) throws {
        guard let (normID, at, summary) = try describe(db, event) else { return }
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO timelineEntry (producer, seq, kind, normID, at, summary)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [producer, event.seq, event.kind, normID, at.formatted(.iso8601), summary])
    }

    /// Newest first; one norm's entries or all.
    static func entries(_ db: Database, normID: Int64?, limit: Int = 500) throws -> [Entry] {
        try Entry.fetchAll(
            db,
            sql: """
                SELECT kind, normID, at, summary FROM timelineEntry
                WHERE (? IS NULL OR normID = ?) ORDER BY at DESC, producer, seq DESC LIMIT ?
                """,
            arguments: [normID, normID, limit])
    }

    private static func describe(_ db: Database, _ event: LoggedEvent) throws -> (Int64?, Date, String)? {
        switch event.eventKind {
        case AlertFiring.kind:
            let e = try AlertFiring.decoded(from: event.body)
            if e.alertKind == .intensity {
                return (
                    e.norm.id, e.firedAt,
                    "Zorg niet incidenteel boven de intensiteitsnorm: \(Money(cents: e.value).dutch) onrechtmatig, melding \(e.alertID)"
                )
            }
            let what = e.alertKind == .forecast ? "prognose" : "stand"
            return (e.norm.id, e.firedAt, "Drempel \(e.threshold)% bereikt (\(what)), melding \(e.alertID)")
        case AlertResolved.kind:
            let e = try AlertResolved.decoded(from: event.body)
            if e.alertKind == .intensity {
                return (
                    e.norm.id, e.resolvedAt,
                    "Geen zorg meer structureel boven de intensiteitsnorm, melding \(e.alertID) opgelost"
                )
            }
            return (e.norm.id, e.resolvedAt, "Weer onder de drempel van \(e.threshold)%, melding \(e.alertID) opgelost")
        case StopAdvised.kind:
            let e = try StopAdvised.decoded(from: event.body)
            var rule = e.rule == .forecastAbove105 ? "prognose boven 105%" : "prognose boven 100%"
            if let projected = e.projectedTotal, let low = e.projectedLow, let high = e.projectedHigh {
                rule +=
                    ": \(Money(cents: projected).dutch), spreiding \(Money(cents: low).dutch) tot \(Money(cents: high).dutch)"
            }
            return (
                e.normID, e.at,
                e.advice == .impose
                    ? "Advies: toeleidingsstop overwegen (\(rule)); een mens beslist"
                    : "Advies: de stop kan worden opgeheven (geen overschrijding binnen vier maanden verwacht)"
            )
        case BestedingsruimteAdvised.kind:
            let e = try BestedingsruimteAdvised.decoded(from: event.body)
            return (
                e.norm.id, e.at,
                "Advies: signaalplafond over \(e.period) met meer dan \(e.marginPercent)% overschreden "
                    + "(\(Money(cents: e.value).dutch) van \(Money(cents: e.limit).dutch)); overweeg een bestedingsruimte voor de volgende periode"
            )
        case CPVDecided.kind:
            let e = try CPVDecided.decoded(from: event.body)
            // No allocation number: the timeline carries no client data.
            let verdict = e.granted ? "kende een uitzondering op de stop toe" : "wees een verzoek om uitzondering af"
            return (e.normID, e.at, "CPV \(verdict), vastgelegd door \(e.by): \(e.reason)")
        case OpeningWeeksAbove.kind:
            let e = try OpeningWeeksAbove.decoded(from: event.body)
            // No pseudonym: the timeline carries no client data.
            let provider = e.aanbieder.isEmpty ? "alle aanbieders samen" : "aanbieder \(e.aanbieder)"
            return (
                e.normID, e.at,
                "Signaal openstelling: een cliënt had in \(e.year) zorg in \(e.weeks) weken bij \(provider), "
                    + "boven de \(e.limit) weken per jaar van de norm (een signaal voor het gesprek, geen oordeel)"
            )
        case CareDurationAbove.kind:
            let e = try CareDurationAbove.decoded(from: event.body)
            // No pseudonym: the timeline carries no client data.
            return (
                e.normID, e.at,
                "Signaal duur: een cliënt is \(e.months) maanden in zorg bij aanbieder \(e.aanbieder) "
                    + "(sinds \(DutchDate.text(e.arrival))), langer dan de \(e.limit) maanden van de norm "
                    + "(een signaal voor het gesprek, geen oordeel)"
            )
        case IntensityCPVDecided.kind:
            let e = try IntensityCPVDecided.decoded(from: event.body)
            // No allocation number or pseudonym: the timeline carries no client data.
            let verdict =
                e.granted
                ? "kende meer zorg boven de intensiteitsnorm toe" : "wees een verzoek om meer zorg boven de norm af"
            return (e.normID, e.at, "CPV \(verdict) (\(e.extraText)), vastgelegd door \(e.by): \(e.reason)")
        case AnalysisRecorded.kind:
            let e = try AnalysisRecorded.decoded(from: event.body)
            var text = "Analysegesprek van \(DutchDate.text(e.day)) vastgelegd door \(e.by)"
            if !e.participants.isEmpty { text += " (met \(e.participants))" }
            text += ": \(e.conclusion)"
            if !e.plan.isEmpty { text += ". Plan van aanpak: \(e.plan)" }
            if let followUp = e.followUp { text += "; vervolg op \(DutchDate.text(followUp))" }
            return (e.normID, e.at, text)
        case StopImposed.kind:
            let e = try StopImposed.decoded(from: event.body)
            return (e.normID, e.at, "Toeleidingsstop opgelegd door \(e.by): \(e.reason)")
        case StopLifted.kind:
            let e = try StopLifted.decoded(from: event.body)
            let despite = e.despite.map { " (ondanks de viermaandenregel: \($0))" } ?? ""
            return (e.normID, e.at, "Toeleidingsstop opgeheven door \(e.by): \(e.reason)\(despite)")
        case InflowDuringStop.kind:
            let e = try InflowDuringStop.decoded(from: event.body)
            let referrer = e.verwijzerType.map { " (verwijzer \($0))" } ?? ""
            let at =
                Calendar(identifier: .gregorian).date(
                    from: DateComponents(
                        timeZone: TimeZone(identifier: "Europe/Amsterdam"), year: e.day.year, month: e.day.monthNumber,
                        day: e.day.day)) ?? Date(timeIntervalSince1970: 0)
            return (e.normID, at, "Nieuwe cliënt tijdens de stop, niet uitgezonderd\(referrer)")
        case AlertAcknowledged.kind:
            let e = try AlertAcknowledged.decoded(from: event.body)
            return (e.normID, e.at, "Melding \(e.alertID) bevestigd door \(e.by)\(e.note.isEmpty ? "" : ": \(e.note)")")
        case AlertSilenced.kind:
            let e = try AlertSilenced.decoded(from: event.body)
            let normID = try e.normID ?? e.alertIDs.first.flatMap { try normOf(db, alertID: $0) }
            let ids = e.alertIDs.map(String.init).joined(separator: ", ")
            return (
                normID, e.at, "Melding \(ids) stilgezet door \(e.by) tot \(e.until.formatted(.iso8601)): \(e.reason)"
            )
        case AlertEscalated.kind:
            let e = try AlertEscalated.decoded(from: event.body)
            return (e.normID, e.at, "Melding \(e.alertID) niet op tijd bevestigd: geëscaleerd")
        default:
            return nil
        }
    }

    private static func normOf(_ db: Database, alertID: Int64) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT normID FROM alert WHERE id = ?", arguments: [alertID])
    }
}
