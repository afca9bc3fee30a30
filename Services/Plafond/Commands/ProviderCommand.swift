import ArgumentParser
import Contracts
import Foundation
import Runtime

/// `plafond provider import|set|list`: the gemeente's AGB register, names beside codes.
struct ProviderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provider", abstract: "Het AGB-register: namen van aanbieders bij hun AGB-code.",
        subcommands: [ProviderImportCommand.self, ProviderSetCommand.self, ProviderListCommand.self])
}

struct ProviderImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "aanbieders.csv inlezen (AGB code;naam), alles of niets.")

    @OptionGroup var options: ServiceOptions
    @Argument(help: "Het bestand, met kopregel AGB code;naam.") var file: String
    @Option(name: .customLong("door"), help: "Wie het register bijwerkt.") var by: String?

    func run() async throws {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ValidationError("kan \(file) niet lezen als UTF-8: \(error.localizedDescription)")
        }
        let providers: [ProviderName]
        do {
            providers = try ProviderRegisterCSV.parse(text)
        } catch let problem as ProviderRegisterCSV.Problem {
            throw ValidationError("\(file), \(problem)")
        }
        let changed = try AdminCall.send(
            ProviderImportRequest(providers: providers, by: by), to: try options.admin(.monitor))
        print("\(providers.count) aanbieders gelezen, \(changed) namen nieuw of gewijzigd.")
    }
}

struct ProviderSetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "De naam van één aanbieder zetten.")

    @OptionGroup var options: ServiceOptions
    @Argument(help: "AGB-code (8 cijfers).") var agb: String
    @Argument(help: "Naam.") var name: String
    @Option(name: .customLong("door"), help: "Wie de naam zet.") var by: String?

    func run() async throws {
        let changed = try AdminCall.send(
            ProviderImportRequest(providers: [ProviderName(agb: agb, naam: name)], by: by),
            to: try options.admin(.monitor))
        print(changed == 0 ? "Naam was al \(name)." : "Aanbieder \(agb) heet nu \(name).")
    }
}

struct ProviderListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Het register.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let providers = try AdminCall.send(
            ProviderListRequest(), to: try options.admin(.monitor))
        for provider in providers { print("\(provider.agb)\t\(provider.naam)") }
    }
}
