import Contracts
import Foundation

/// Maps an owed notification and its alert facts to what the Dutch templates need.
enum AlertMailContentBuilder {
    static func content(for notification: PendingNotification, dashboardURL: String) -> AlertMailContent {
        let alert = notification.firing
        let resolved = notification.event == "resolved" ? notification.resolved : nil
        let value = resolved?.value ?? alert.value
        let base = dashboardURL.hasSuffix("/") ? String(dashboardURL.dropLast()) : dashboardURL
        return AlertMailContent(
            alertID: String(alert.alertID),
            normName: alert.norm.name,
            instrument: alert.norm.kind.rawValue,
            providerName: nil,
            providerAGB: alert.norm.aanbieder,
            gemeente: alert.norm.regio ?? alert.norm.gemeenten.joined(separator: ", "),
            categorie: alert.norm.productCategorieen.isEmpty
                ? nil : alert.norm.productCategorieen.joined(separator: ", "),
            thresholdPercent: alert.threshold,
            spentCents: value,
            limitCents: alert.limit,
            percentageBasisPoints: ThresholdLevels.basisPoints(value: value, limit: alert.limit),
            forecastCents: alert.forecastValue,
            forecastCrossingDate: alert.forecastCrossing?.iso,
            state: resolved == nil ? .firing : .resolved,
            dashboardURL: "\(base)/normen/\(alert.norm.id)",
            kind: alert.alertKind.rawValue)
    }
}
