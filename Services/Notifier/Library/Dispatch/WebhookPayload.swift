import Contracts
import Domain
import Foundation

/// The JSON body of a webhook delivery (documented in the README). Amounts in cents;
/// the `Idempotency-Key` header carries `notificatie`, so a redelivery can be dropped.
struct WebhookPayload: Codable, Sendable, Equatable {
    var v = 1
    /// The notification's stable id (the same as the e-mail Message-ID scheme).
    var notificatie: String
    /// alert, escalation or digest.
    var soort: String
    var meldingen: [Melding]

    struct Melding: Codable, Sendable, Equatable {
        var alertID: Int64
        /// firing, resolved, repeat or escalation.
        var gebeurtenis: String
        var ernst: AlertSeverity
        var alertKind: AlertKind
        var norm: AlertNorm
        var drempel: Int
        var waarde: Int64
        var grens: Int64
        var basispunten: Int64
        var prognose: Int64?
        var prognoseOverschrijding: Day?
        var dashboard: String
    }

    init(_ notification: PendingNotification, dashboardURL: String) {
        notificatie = notification.messageID
        soort = notification.kind
        meldingen = notification.items.map { item in
            let alert = item.firing
            let value = item.event == "resolved" ? (item.resolved?.value ?? alert.value) : alert.value
            return Melding(
                alertID: alert.alertID, gebeurtenis: item.event,
                ernst: AlertSeverity(kind: alert.alertKind, threshold: alert.threshold), alertKind: alert.alertKind,
                norm: alert.norm, drempel: alert.threshold, waarde: value, grens: alert.limit,
                basispunten: ThresholdLevels.basisPoints(value: value, limit: alert.limit),
                prognose: alert.forecastValue, prognoseOverschrijding: alert.forecastCrossing,
                dashboard: AlertMailContentBuilder.normPage(alert.norm.id, base: dashboardURL))
        }
    }
}
