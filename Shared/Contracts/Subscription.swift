import Foundation

/// A person and what they want to hear about: the routing rule notifier applies to
/// every alert. A field left empty matches everything.
public struct Subscription: Sendable, Codable, Equatable {
    /// Notifier's id; nil until stored.
    public var id: Int64?
    public var name: String
    public var email: String?
    public var webhook: String?
    public var gemeente: String?
    public var regio: String?
    public var aanbieder: String?
    public var productCategorie: String?
    public var instrument: NormKind?
    public var alertKind: AlertKind?
    /// Alerts below this severity are not sent to this person.
    public var minimumSeverity: AlertSeverity
    /// Who hears about an alert of this route that nobody acknowledged in time.
    public var escalateTo: String?
    /// Low-severity alerts go into one daily digest instead of a mail each.
    public var dailyDigest: Bool

    public init(
        id: Int64? = nil, name: String, email: String?, webhook: String? = nil, gemeente: String? = nil,
        regio: String? = nil, aanbieder: String? = nil, productCategorie: String? = nil, instrument: NormKind? = nil,
        alertKind: AlertKind? = nil, minimumSeverity: AlertSeverity = .laag, escalateTo: String? = nil,
        dailyDigest: Bool = false
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.webhook = webhook
        self.gemeente = gemeente
        self.regio = regio
        self.aanbieder = aanbieder
        self.productCategorie = productCategorie
        self.instrument = instrument
        self.alertKind = alertKind
        self.minimumSeverity = minimumSeverity
        self.escalateTo = escalateTo
        self.dailyDigest = dailyDigest
    }

    /// Whether an alert about `norm` of this kind and severity goes to this person.
    public func matches(_ norm: AlertNorm, kind: AlertKind, severity: AlertSeverity) -> Bool {
        if let gemeente, !norm.gemeenten.contains(gemeente) { return false }
        if let regio, norm.regio != regio { return false }
        if let aanbieder, norm.aanbieder != aanbieder { return false }
        if let productCategorie, !norm.productCategorieen.contains(productCategorie) { return false }
        if let instrument, norm.kind != instrument { return false }
        if let alertKind, kind != alertKind { return false }
        return severity >= minimumSeverity
    }

    /// Dutch reasons a subscription cannot be stored, empty when it can.
    public var problems: [String] {
        var problems: [String] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("naam ontbreekt") }
        if email == nil && webhook == nil { problems.append("geef een e-mailadres, een webhook of beide") }
        if let email, !Self.looksLikeAddress(email) { problems.append("ongeldig e-mailadres \(email)") }
        if let escalateTo, !Self.looksLikeAddress(escalateTo) {
            problems.append("ongeldig escalatieadres \(escalateTo)")
        }
        if let webhook, !(webhook.hasPrefix("http://") || webhook.hasPrefix("https://")) {
            problems.append("webhook moet met http:// of https:// beginnen")
        }
        if let gemeente, gemeente.count != 4 || !gemeente.allSatisfy(\.isNumber) {
            problems.append("gemeentecode \(gemeente) is geen CBS-code van 4 cijfers")
        }
        return problems
    }

    static func looksLikeAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," })
    }
}
