import Foundation
import Messaging

/// One service's or one operator's own CURVE key pair, secret included, readable by its
/// owner only. A service's lives in its key folder (`<data>/sleutels/<dienst>.json`); an
/// operator's wherever `plafond keys --beheerder` wrote it, found by the CLI through
/// `PLAFOND_SLEUTEL` or at `~/.config/plafond/sleutel.json`.
public struct OwnKeyFile: Codable, Sendable, Equatable {
    public var role: ServiceKeyring.Role
    public var name: String
    public var publicKey: String
    public var secretKey: String

    public init(role: ServiceKeyring.Role, name: String, pair: CurveKeyPair) {
        self.role = role
        self.name = name
        self.publicKey = pair.publicKey
        self.secretKey = pair.secretKey
    }

    public static func read(from url: URL) throws -> OwnKeyFile {
        do {
            return try JSONDecoder().decode(OwnKeyFile.self, from: Data(contentsOf: url))
        } catch {
            throw RuntimeError(.configuration, "sleutelbestand \(url.path) niet te lezen", cause: error)
        }
    }

    public func write(to url: URL) throws {
        try SecretFile.createPrivateFolder(url.deletingLastPathComponent())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try SecretFile.write(try encoder.encode(self), to: url)
    }

    /// Where a service's own key file is, for this configuration.
    public static func serviceFile(_ service: String, configuration: PlafondConfiguration) -> URL {
        KeyStore.resolve(
            configuration.general.serviceKeyFolder, in: URL(fileURLWithPath: configuration.general.dataDirectory)
        ).appendingPathComponent("\(service).json")
    }

    /// Where the CLI finds its operator's key file.
    public static func operatorFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let path = environment["PLAFOND_SLEUTEL"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".config/plafond/sleutel.json")
    }
}
