import Contracts
import Foundation

/// Maps the alert events of a notification to what the Dutch templates need.
enum AlertMailContentBuilder {
    static func contents(for notification: PendingNotification, dashboardURL: String) -> [AlertMailContent] {
        notification.items.map { content(for: $0, dashboardURL: dashboardURL) }
    }

    static func content(for item: PendingNotification.Item, dashboardURL: String) -> AlertMailContent {
        let alert = item.firing
        let resolved = item.event == "resolved" ? item.resolved : nil
        let value = resolved?.value ?? alert.value
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
            state: state(of: item.event),
            dashboardURL: normPage(alert.norm.id, base: dashboardURL),
            kind: alert.alertKind.rawValue)
    }

    static func state(of event: String) -> AlertMailState {
        switch event {
        case "resolved": .resolved
        case "repeat": .repeated
        case "escalation": .escalated
        default: .firing
        }
    }

    static func normPage(_ normID: Int64, base: String) -> String {
        "\(base.hasSuffix("/") ? String(base.dropLast()) : base)/normen/\(normID)"
    }
}
