import ArgumentParser
import Contracts
import Foundation
import Runtime

/// `plafond subscribe`: who receives which alerts, through notifier's admin socket.
struct SubscribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscribe",
        abstract: "Iemand abonneren op meldingen (of een hele set uit een bestand met --import).")

    @OptionGroup var options: ServiceOptions
    @Option(name: .customLong("naam"), help: "Naam van de ontvanger.") var name: String?
    @Option(name: .customLong("email"), help: "E-mailadres.") var email: String?
    @Option(name: .customLong("webhook"), help: "URL die een JSON-POST ontvangt.") var webhook: String?
    @Option(name: .customLong("gemeente"), help: "Alleen normen voor deze gemeente (CBS-code).") var gemeente: String?
    @Option(name: .customLong("regio"), help: "Alleen normen van deze regio.") var regio: String?
    @Option(name: .customLong("aanbieder"), help: "Alleen normen voor deze aanbieder (AGB-code).") var aanbieder:
        String?
    @Option(name: .customLong("categorie"), help: "Alleen normen voor deze productcategorie.") var categorie: String?
    @Option(
        name: .customLong("instrument"), help: "signaalplafond, bestedingsruimte, instroomtarget of intensiteitsnorm.")
    var instrument: String?
    @Option(name: .customLong("soort"), help: "stand, prognose of intensiteit.") var soort: String?
    @Option(name: .customLong("ernst"), help: "Minimale ernst: laag, middel of hoog.") var ernst: String?
    @Option(name: .customLong("escalatie"), help: "E-mailadres dat hoort van meldingen die niemand op tijd bevestigt.")
    var escalatie: String?
    @Flag(name: .customLong("dagoverzicht"), help: "Meldingen met lage ernst in één dagelijks overzicht.")
    var dagoverzicht = false
    @Option(name: .customLong("import"), help: "TOML-bestand met [[abonnement]]-tabellen.") var importFile: String?

    func run() async throws {
        let target = try options.admin(.notifier)
        if let importFile {
            let subscriptions = try SubscriptionFile.read(path: importFile)
            let stored = try AdminCall.send(SubscriptionImportRequest(subscriptions), to: target)
            print("\(stored.count) abonnementen ingelezen uit \(importFile)")
            stored.forEach { print(SubscriptionWords.describe($0)) }
            return
        }
        guard let name else { throw ValidationError("--naam is verplicht (of gebruik --import BESTAND)") }
        let subscription = try SubscriptionWords.subscription(
            name: name, email: email, webhook: webhook, gemeente: gemeente, regio: regio, aanbieder: aanbieder,
            categorie: categorie, instrument: instrument, soort: soort, ernst: ernst, escalatie: escalatie,
            dagoverzicht: dagoverzicht)
        let stored = try AdminCall.send(SubscriptionAddRequest(subscription), to: target)
        print("Abonnement \(stored.id ?? 0) vastgelegd: \(SubscriptionWords.describe(stored))")
    }
}

struct UnsubscribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unsubscribe", abstract: "Een abonnement opzeggen.")

    @OptionGroup var options: ServiceOptions
    @Argument(help: "Nummer van het abonnement (zie plafond subscriptions).") var id: Int64

    func run() async throws {
        _ = try AdminCall.send(
            SubscriptionRemoveRequest(id: id), to: try options.admin(.notifier))
        print("Abonnement \(id) opgezegd.")
    }
}

struct SubscriptionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscriptions", abstract: "Alle abonnementen (ontvangers uit het configuratiebestand niet).")

    @OptionGroup var options: ServiceOptions
    @Flag(name: .long, help: "Als JSON, voor scripts.") var json = false

    func run() async throws {
        let subscriptions = try AdminCall.send(
            SubscriptionListRequest(), to: try options.admin(.notifier))
        if json {
            print(String(decoding: try AdminCoding.encode(subscriptions), as: UTF8.self))
            return
        }
        subscriptions.forEach { print(SubscriptionWords.describe($0)) }
    }
}
