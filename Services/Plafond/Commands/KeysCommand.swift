import ArgumentParser
import Foundation
import Messaging
import Runtime

/// `plafond keys`: makes a CURVE key pair and registers its public key, for one of three
/// kinds of party:
/// - a provider (AGB code) or the municipality's system (gemeente code) sending iJw to
///   intake (`--identiteit`): registered in intake's key file, the key file to hand over;
/// - one of the four services (`--dienst`): its own key pair in its key folder, its public
///   key in the keyring, so the other services accept it on their event logs;
/// - an operator (`--beheerder`): a key file for the CLI (`PLAFOND_SLEUTEL`), its public
///   key in the keyring, so the services accept its admin commands.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Een CURVE-sleutel maken en registreren (aanbieder, dienst of beheerder).")

    static let services: Set<String> = ["intake", "monitor", "notifier", "reporter"]

    @OptionGroup var options: ServiceOptions
    @Option(name: .customLong("identiteit"), help: "AGB-code (8 cijfers) of gemeentecode (4 cijfers).") var identity:
        String?
    @Option(
        name: .customLong("dienst"), help: "Een eigen sleutel voor deze dienst: intake, monitor, notifier, reporter.")
    var service: String?
    @Option(name: .customLong("beheerder"), help: "Een sleutel voor deze beheerder (naam), voor beheeropdrachten.")
    var operatorName: String?
    @Option(
        name: .customLong("uit"), help: "Sleutelbestand voor de aanbieder of beheerder (standaard NAAM.sleutel.json).")
    var output: String?

    func validate() throws {
        guard [identity, service, operatorName].compactMap({ $0 }).count == 1 else {
            throw ValidationError("geef precies één van --identiteit, --dienst of --beheerder")
        }
        if let identity, !(identity.count == 8 || identity.count == 4) || !identity.allSatisfy(\.isNumber) {
            throw ValidationError("identiteit moet een AGB-code (8 cijfers) of gemeentecode (4 cijfers) zijn")
        }
        if let service, !Self.services.contains(service) {
            throw ValidationError("dienst moet intake, monitor, notifier of reporter zijn")
        }
        if let operatorName,
            operatorName.isEmpty || !operatorName.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) })
        {
            throw ValidationError("naam van de beheerder: letters, cijfers, - _ . (geen spaties)")
        }
    }

    func run() async throws {
        let configuration = try options.configuration()
        let keyring = ServiceKeyring(configuration: configuration)
        let pair = try CurveKeyPair.generate()
        if let service {
            let file = OwnKeyFile.serviceFile(service, configuration: configuration)
            try OwnKeyFile(role: .dienst, name: service, pair: pair).write(to: file)
            try keyring.register(role: .dienst, name: service, publicKey: pair.publicKey)
            print("Sleutel voor dienst \(service) in \(file.path) (geheim), publieke sleutel in \(keyring.file.path).")
            print("Staan de diensten op meer hosts: geef elke host dezelfde sleutelring.")
        } else if let operatorName {
            let url = URL(fileURLWithPath: output ?? "\(operatorName).sleutel.json")
            try OwnKeyFile(role: .beheerder, name: operatorName, pair: pair).write(to: url)
            try keyring.register(role: .beheerder, name: operatorName, publicKey: pair.publicKey)
            print(
                "Sleutel voor beheerder \(operatorName) in \(url.path) (geheim), publieke sleutel in \(keyring.file.path)."
            )
            print("Gebruik: PLAFOND_SLEUTEL=\(url.path) plafond …")
        } else if let identity {
            let store = try KeyStore(configuration: configuration)
            let server = try store.serverKeyPair()
            try store.register(publicKey: pair.publicKey, identity: identity)
            let file = ClientKeyFile(
                identity: identity, publicKey: pair.publicKey, secretKey: pair.secretKey,
                serverPublicKey: server.publicKey, endpoint: configuration.intake.endpoint)
            let url = URL(fileURLWithPath: output ?? "\(identity).sleutel.json")
            try file.write(to: url)
            print("Sleutel voor \(identity) geregistreerd. Geef \(url.path) (geheim!) aan de aanbieder.")
            print("Publieke sleutel van intake: \(server.publicKey)")
        }
    }
}
