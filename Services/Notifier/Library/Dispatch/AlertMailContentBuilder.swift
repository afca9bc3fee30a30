import Contracts
import Domain
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
            providerName: alert.norm.aanbiederNaam,
            providerAGB: alert.norm.aanbieder,
            gemeente: alert.norm.regio ?? alert.norm.gemeenten.joined(separator: ", "),
            categorie: alert.norm.productCategorieen.isEmpty
                ? nil : alert.norm.productCategorieen.map(careType).joined(separator: ", "),
            thresholdPercent: alert.threshold,
            spentCents: value,
            limitCents: alert.limit,
            percentageBasisPoints: ThresholdLevels.basisPoints(value: value, limit: alert.limit),
            forecastCents: alert.forecastValue,
            forecastCrossingDate: alert.forecastCrossing?.iso,
            state: state(of: item.event),
            dashboardURL: normPage(alert.norm.id, base: dashboardURL) + "#melding-\(alert.alertID)",
            kind: alert.alertKind.rawValue, areaIsRegio: alert.norm.regio != nil, intensityUnit: alert.norm.limitUnit)
    }

    /// "45 Jeugdhulp ambulant": the JZ020 code with its name, the code alone when unknown.
    static func careType(_ code: String) -> String {
        ProductCategorie(code)?.name.map { "\(code) \($0)" } ?? code
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
