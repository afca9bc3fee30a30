import ArgumentParser
import Contracts
import Foundation
import Runtime

/// `plafond user add|list|disable`: the dashboard's local accounts, kept by the reporter.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Accounts voor het dashboard: toevoegen, tonen, uitschakelen.",
        subcommands: [UserAddCommand.self, UserListCommand.self, UserDisableCommand.self])
}

struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Een account toevoegen (of een nieuw wachtwoord en rol geven aan een bestaand account).")

    @OptionGroup var options: ServiceOptions
    @Argument(help: "Naam waarmee iemand inlogt; staat ook bij wat die persoon doet.") var name: String
    @Option(name: .customLong("rol"), help: "lezer, contractmanager of beheerder.") var role: String
    @Option(
        name: .customLong("wachtwoord"),
        help: "Minstens 12 tekens. Zonder deze optie leest het commando het wachtwoord van de standaardinvoer.")
    var password: String?

    func run() async throws {
        guard let parsed = AccountRole(rawValue: role) else {
            throw ValidationError("rol moet lezer, contractmanager of beheerder zijn")
        }
        let secret = password ?? readLine(strippingNewline: true) ?? ""
        let summary = try AdminCall.send(
            UserAddRequest(name: name, role: parsed, password: secret), to: try options.admin(.reporter))
        print("Account \(summary.name) (\(summary.role.rawValue)) opgeslagen.")
    }
}

struct UserListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Alle accounts.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let accounts = try AdminCall.send(
            UserListRequest(), to: try options.admin(.reporter))
        for account in accounts {
            let state =
                account.disabled
                ? "uitgeschakeld"
                : account.lockedUntil.map { $0 > Date() ? "geblokkeerd tot \($0.formatted(.iso8601))" : "actief" }
                    ?? "actief"
            print("\(account.name)\t\(account.role.rawValue)\t\(state)")
        }
    }
}

struct UserDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Een account uitschakelen: inloggen kan niet meer, sessies stoppen.")

    @OptionGroup var options: ServiceOptions
    @Argument(help: "Naam van het account.") var name: String

    func run() async throws {
        _ = try AdminCall.send(
            UserDisableRequest(name: name), to: try options.admin(.reporter))
        print("Account \(name) uitgeschakeld.")
    }
}
