import Contracts
import Foundation
import TOMLKit

/// The file a region loads its subscriptions from (`plafond subscribe --import`): TOML
/// with one `[[abonnement]]` table per person, the same words as the command's flags.
///
///     [[abonnement]]
///     naam = "Contractmanager Jeugd Nijmegen"
///     email = "cm.jeugd@nijmegen.example"
///     gemeente = "0268"
///     instrument = "bestedingsruimte"
///     ernst = "middel"
///     escalatie = "beleid.jeugd@nijmegen.example"
struct SubscriptionFile: Decodable {
    var abonnement: [Entry]

    struct Entry: Decodable {
        var naam: String
        var email: String?
        var webhook: String?
        var gemeente: String?
        var regio: String?
        var aanbieder: String?
        var categorie: String?
        var instrument: String?
        var soort: String?
        var ernst: String?
        var escalatie: String?
        var dagoverzicht: Bool?
    }

    static func read(path: String) throws -> [Subscription] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let file = try TOMLDecoder().decode(SubscriptionFile.self, from: text)
        return try file.abonnement.enumerated().map { index, entry in
            do {
                return try SubscriptionWords.subscription(
                    name: entry.naam, email: entry.email, webhook: entry.webhook, gemeente: entry.gemeente,
                    regio: entry.regio, aanbieder: entry.aanbieder, categorie: entry.categorie,
                    instrument: entry.instrument, soort: entry.soort, ernst: entry.ernst, escalatie: entry.escalatie,
                    dagoverzicht: entry.dagoverzicht ?? false)
            } catch let error as SubscriptionWords.Invalid {
                throw SubscriptionWords.Invalid(message: "\(path), abonnement \(index + 1): \(error.message)")
            }
        }
    }
}

/// Turns the Dutch words of the command line and the import file into a `Subscription`.
enum SubscriptionWords {
    struct Invalid: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static func subscription(
        name: String, email: String?, webhook: String?, gemeente: String?, regio: String?, aanbieder: String?,
        categorie: String?, instrument: String?, soort: String?, ernst: String?, escalatie: String?,
        dagoverzicht: Bool
    ) throws -> Subscription {
        let kind = try instrument.map { word in
            guard let kind = NormKind(rawValue: word) else {
                throw Invalid(
                    message:
                        "onbekend instrument \(word): kies uit \(NormKind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            return kind
        }
        let alertKind = try soort.map { word -> AlertKind in
            switch word {
            case "stand", "actual": return .actual
            case "prognose", "forecast": return .forecast
            case "intensiteit", "intensity": return .intensity
            default: throw Invalid(message: "onbekende soort \(word): kies stand, prognose of intensiteit")
            }
        }
        let severity = try ernst.map { word in
            guard let severity = AlertSeverity(rawValue: word) else {
                throw Invalid(message: "onbekende ernst \(word): kies laag, middel of hoog")
            }
            return severity
        }
        return Subscription(
            name: name, email: email, webhook: webhook, gemeente: gemeente, regio: regio, aanbieder: aanbieder,
            productCategorie: categorie, instrument: kind, alertKind: alertKind, minimumSeverity: severity ?? .laag,
            escalateTo: escalatie, dailyDigest: dagoverzicht)
    }

    /// One line per subscription, for people.
    static func describe(_ s: Subscription) -> String {
        var rule: [String] = []
        if let g = s.gemeente { rule.append("gemeente \(g)") }
        if let r = s.regio { rule.append("regio \(r)") }
        if let a = s.aanbieder { rule.append("aanbieder \(a)") }
        if let c = s.productCategorie { rule.append("categorie \(c)") }
        if let i = s.instrument { rule.append(i.rawValue) }
        if let k = s.alertKind {
            let word =
                switch k {
                case .actual: "stand"
                case .forecast: "prognose"
                case .intensity: "intensiteit"
                }
            rule.append(word)
        }
        if s.minimumSeverity != .laag { rule.append("ernst ≥ \(s.minimumSeverity.rawValue)") }
        if s.dailyDigest { rule.append("lage ernst in dagoverzicht") }
        let to = [s.email, s.webhook].compactMap { $0 }.joined(separator: ", ")
        let escalation = s.escalateTo.map { "\tescalatie naar \($0)" } ?? ""
        return
            "\(s.id ?? 0)\t\(s.name) <\(to)>\t\(rule.isEmpty ? "alle meldingen" : rule.joined(separator: ", "))\(escalation)"
    }
}
