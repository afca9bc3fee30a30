import ArgumentParser
import Foundation
import Messaging
import Runtime

/// `plafond keys`: creates a CURVE key pair for one provider (AGB code) or the
/// municipality's system (gemeente code), registers its public key with intake, and
/// writes the client's key file to hand over.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Een CURVE-sleutel maken en registreren voor één AGB- of gemeentecode.")

    @OptionGroup var options: ServiceOptions
    @Option(name: .customLong("identiteit"), help: "AGB-code (8 cijfers) of gemeentecode (4 cijfers).") var identity:
        String
    @Option(name: .customLong("uit"), help: "Sleutelbestand voor de aanbieder (standaard IDENTITEIT.sleutel.json).")
    var output: String?

    func run() async throws {
        guard identity.count == 8 || identity.count == 4, identity.allSatisfy(\.isNumber) else {
            throw ValidationError("identiteit moet een AGB-code (8 cijfers) of gemeentecode (4 cijfers) zijn")
        }
        let configuration = try options.configuration()
        let store = try KeyStore(configuration: configuration)
        let server = try store.serverKeyPair()
        let client = try CurveKeyPair.generate()
        try store.register(publicKey: client.publicKey, identity: identity)
        let file = ClientKeyFile(
            identity: identity, publicKey: client.publicKey, secretKey: client.secretKey,
            serverPublicKey: server.publicKey, endpoint: configuration.intake.endpoint)
        let url = URL(fileURLWithPath: output ?? "\(identity).sleutel.json")
        try file.write(to: url)
        print("Sleutel voor \(identity) geregistreerd. Geef \(url.path) (geheim!) aan de aanbieder.")
        print("Publieke sleutel van intake: \(server.publicKey)")
    }
}
