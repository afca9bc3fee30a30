import Contracts
import Foundation
import Runtime

/// Decides who hears about an alert, through which channel and in which group.
///
/// The recipients in the configuration file receive everything; stored subscriptions
/// receive what their rule matches. One address hears of one alert event once, however
/// many rules match it.
struct AlertRouter: Sendable {
    let recipients: [NotifierConfiguration.Recipient]
    let defaultEscalation: NotifierConfiguration.Recipient?

    /// One owed message about an alert: to whom and in which group it is bundled.
    struct Destination: Hashable, Sendable, Codable {
        var channel: String
        var recipientName: String
        var address: String
        var groupKey: String
    }

    /// Subscriptions the configuration file implies: everything, to every recipient.
    var configured: [Subscription] {
        recipients.map { Subscription(name: $0.name, email: $0.email, webhook: $0.webhook) }
    }

    func destinations(for alert: AlertFiring, subscriptions: [Subscription]) -> [Destination] {
        let severity = AlertSeverity(kind: alert.alertKind, threshold: alert.threshold)
        var seen = Set<String>()
        var result: [Destination] = []
        for subscription in configured + subscriptions
        where subscription.matches(alert.norm, kind: alert.alertKind, severity: severity) {
            let digest = subscription.dailyDigest && severity == .laag
            for (channel, address) in Self.channels(of: subscription)
            where seen.insert("\(channel)|\(address)").inserted {
                let group =
                    digest
                    ? Self.digestGroup(channel: channel, address: address)
                    : Self.group(channel: channel, address: address, kind: "alert", normID: alert.norm.id)
                result.append(
                    Destination(channel: channel, recipientName: subscription.name, address: address, groupKey: group))
            }
        }
        return result
    }

    /// Who hears that nobody acknowledged the alert: the matching routes' escalation
    /// targets, or the configured default when no route names one.
    func escalations(for alert: AlertFiring, subscriptions: [Subscription]) -> [Destination] {
        let severity = AlertSeverity(kind: alert.alertKind, threshold: alert.threshold)
        var addresses: [String] = []
        for subscription in configured + subscriptions
        where subscription.matches(alert.norm, kind: alert.alertKind, severity: severity) {
            if let target = subscription.escalateTo, !addresses.contains(target) { addresses.append(target) }
        }
        var targets = addresses.map { (name: "Escalatie", address: $0) }
        if targets.isEmpty, let fallback = defaultEscalation { targets = [(fallback.name, fallback.email)] }
        return targets.map {
            Destination(
                channel: "email", recipientName: $0.name, address: $0.address,
                groupKey: Self.group(channel: "email", address: $0.address, kind: "escalation", normID: alert.norm.id))
        }
    }

    static func channels(of subscription: Subscription) -> [(String, String)] {
        var channels: [(String, String)] = []
        if let email = subscription.email { channels.append(("email", email)) }
        if let webhook = subscription.webhook { channels.append(("webhook", webhook)) }
        return channels
    }

    static func group(channel: String, address: String, kind: String, normID: Int64) -> String {
        "\(channel)|\(address)|\(kind)|norm-\(normID)"
    }

    static func digestGroup(channel: String, address: String) -> String {
        "\(channel)|\(address)|digest"
    }

    /// The notification kind a group key stands for.
    static func kind(ofGroup key: String) -> String {
        if key.hasSuffix("|digest") { return "digest" }
        return key.contains("|escalation|") ? "escalation" : "alert"
    }
}
