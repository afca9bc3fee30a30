import Foundation

/// What a service refuses to start with outside development mode.
///
/// Production once started with the sample pseudonym key (anyone with the source could
/// link pseudonyms back to BSNs by trying them), and intake's store, which holds BSNs,
/// sat in a folder every local user could read. `plafond config check` reports the same.
public enum ProductionReadiness {
    /// The built-in default and the one in deploy/plafond.toml.
    static let samplePseudonymKeys: Set<String> = ["plafond-development-pseudonym-key", "verander-mij-in-productie"]
    static let shortestPseudonymKey = 16

    /// Dutch sentences, one per problem; empty when the service may start. `service` nil
    /// checks what every service needs.
    public static func problems(_ configuration: PlafondConfiguration, service: String?) -> [String] {
        guard !configuration.general.development else { return [] }
        var problems: [String] = []
        let general = configuration.general
        if service == nil || service == "intake" {
            if samplePseudonymKeys.contains(general.pseudonymKey) {
                problems.append("[general] pseudonym_key is de voorbeeldsleutel; kies een eigen geheim")
            } else if general.pseudonymKey.count < shortestPseudonymKey {
                problems.append("[general] pseudonym_key is korter dan \(shortestPseudonymKey) tekens")
            }
            let keys = KeyStore.resolve(
                configuration.intake.keysFile, in: URL(fileURLWithPath: general.dataDirectory))
            if !FileManager.default.fileExists(atPath: keys.path) {
                problems.append(
                    "sleutelbestand \(keys.path) ontbreekt: registreer aanbieders met `plafond keys --identiteit AGB`")
            }
        }
        // CURVE on every socket (ServiceSecurity): the service's own key and the keyring.
        if let service {
            let own = OwnKeyFile.serviceFile(service, configuration: configuration)
            if !FileManager.default.fileExists(atPath: own.path) {
                problems.append("eigen sleutel \(own.path) ontbreekt: `plafond keys --dienst \(service)`")
            }
        }
        let keyring = ServiceKeyring(configuration: configuration).file
        if !FileManager.default.fileExists(atPath: keyring.path) {
            problems.append(
                "sleutelring \(keyring.path) ontbreekt: `plafond keys --dienst NAAM` voor elke dienst, "
                    + "`plafond keys --beheerder NAAM` voor elke beheerder")
        }
        if let mode = permissions(of: general.dataDirectory), mode & 0o077 != 0 {
            problems.append(
                "datamap \(general.dataDirectory) is toegankelijk voor anderen (\(String(mode, radix: 8))): "
                    + "`chmod 700 \(general.dataDirectory)`")
        }
        return problems
    }

    /// Throws the problems as one configuration error.
    public static func check(_ configuration: PlafondConfiguration, service: String) throws {
        let problems = problems(configuration, service: service)
        guard problems.isEmpty else {
            throw RuntimeError(
                .configuration, "\(service) start niet buiten ontwikkelmodus: " + problems.joined(separator: "; "))
        }
    }

    static func permissions(of path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
    }
}
