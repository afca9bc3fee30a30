import Contracts
import Domain
import Foundation
import GRDB
import Storage

/// Acknowledgements and silences: what people tell notifier about an alert. Each is
/// stored with who and why, and published for the reporter's timeline.
struct PeopleInTheLoop: Sendable {
    let timing: NotificationTiming

    func acknowledge(_ db: Database, _ request: AlertAckRequest, now: Date) throws -> AlertAcknowledged {
        let by = request.by.trimmingCharacters(in: .whitespaces)
        guard !by.isEmpty else {
            throw NotifierError(.invalidRequest, "--door is verplicht: wie bevestigt de melding?")
        }
        guard let alert = try NotifierAlertRecord.fetchOne(db, key: request.alertID) else {
            throw NotifierError(.notFound, "melding \(request.alertID) is onbekend")
        }
        if let earlier = alert.acknowledgedBy {
            let at = alert.acknowledgedAt ?? Date(timeIntervalSince1970: 0)
            throw NotifierError(
                .invalidRequest,
                "melding \(request.alertID) is al bevestigd door \(earlier) op \(at.formatted(.iso8601))")
        }
        try db.execute(
            sql: "UPDATE alert SET acknowledgedBy = ?, acknowledgedNote = ?, acknowledgedAt = ? WHERE id = ?",
            arguments: [by, request.note, Timestamp.iso8601(now), request.alertID])
        let event = AlertAcknowledged(
            alertID: request.alertID, normID: alert.normID, by: by, note: request.note, at: now)
        try Outbox.append(db, event, at: now)
        return event
    }

    func silence(_ db: Database, _ request: AlertSilenceRequest, now: Date) throws -> AlertSilenced {
        let by = request.by.trimmingCharacters(in: .whitespaces)
        guard !by.isEmpty else { throw NotifierError(.invalidRequest, "--door is verplicht: wie zet de melding stil?") }
        guard (request.alertID == nil) != (request.normID == nil) else {
            throw NotifierError(.invalidRequest, "geef een melding of een norm (--norm), niet beide")
        }
        guard
            let until = timing.startOf(
                year: request.until.year, month: request.until.monthNumber, day: request.until.day),
            until > now
        else { throw NotifierError(.invalidRequest, "--tot \(request.until.iso) ligt niet in de toekomst") }
        let ids: [Int64]
        if let alertID = request.alertID {
            ids = try Int64.fetchAll(db, sql: "SELECT id FROM alert WHERE id = ?", arguments: [alertID])
            guard !ids.isEmpty else { throw NotifierError(.notFound, "melding \(alertID) is onbekend") }
        } else {
            ids = try Int64.fetchAll(
                db, sql: "SELECT id FROM alert WHERE normID = ? AND state = 'firing' ORDER BY id",
                arguments: [request.normID])
            guard !ids.isEmpty else {
                throw NotifierError(.notFound, "norm \(request.normID!) heeft geen actieve meldingen")
            }
        }
        for id in ids {
            try db.execute(
                sql: "UPDATE alert SET silencedUntil = ?, silencedBy = ? WHERE id = ?",
                arguments: [Timestamp.iso8601(until), "\(by): \(request.reason)", id])
        }
        let event = AlertSilenced(
            alertIDs: ids, normID: request.normID, until: until, by: by, reason: request.reason, at: now)
        try Outbox.append(db, event, at: now)
        return event
    }
}
