import Foundation
import Logging
import Messaging

/// Intake's CURVE keys: its own server key pair and the registered client keys, each
/// mapped to exactly one AGB code (a provider) or gemeente code (the municipality).
///
/// Both live as JSON files in the data folder, written by `plafond keys`; the server key
/// pair is created on first start so a fresh installation has one.
public struct KeyStore: Sendable {
    public struct RegisteredKey: Codable, Sendable, Equatable {
        public var publicKey: String
        public var identity: String
        public var registeredAt: Date

        public init(publicKey: String, identity: String, registeredAt: Date) {
            self.publicKey = publicKey
            self.identity = identity
            self.registeredAt = registeredAt
        }
    }

    let clientsFile: URL
    let serverFile: URL

    public init(configuration: PlafondConfiguration) throws {
        let data = URL(fileURLWithPath: configuration.general.dataDirectory)
        clientsFile = Self.resolve(configuration.intake.keysFile, in: data)
        serverFile = Self.resolve(configuration.intake.serverKeyFile, in: data)
        try SecretFile.createPrivateFolder(data)
    }

    static func resolve(_ path: String, in folder: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
    }

    public func clients() throws -> [RegisteredKey] {
        guard FileManager.default.fileExists(atPath: clientsFile.path) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode([RegisteredKey].self, from: Data(contentsOf: clientsFile))
    }

    public var registry: CurveKeyRegistry {
        get throws {
            CurveKeyRegistry(
                Dictionary(try clients().map { ($0.publicKey, $0.identity) }, uniquingKeysWith: { _, last in last }))
        }
    }

    /// The ZAP decision, reading the key file on each new connection so a key registered
    /// with `plafond keys` works without restarting intake. Connections are rare; the
    /// file is small.
    public func liveAuthorizer(logger: Logger) -> @Sendable (ZAPRequest) -> String? {
        { request in
            do {
                return try registry.authorize(request)
            } catch {
                logger.error("cannot read the key file; refusing", metadata: ["error": "\(error)"])
                return nil
            }
        }
    }

    /// Registers a client key for one identity; a key can belong to one identity only.
    public func register(publicKey: String, identity: String, at date: Date = Date()) throws {
        var keys = try clients().filter { $0.publicKey != publicKey }
        keys.append(RegisteredKey(publicKey: publicKey, identity: identity, registeredAt: date))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try SecretFile.write(try encoder.encode(keys), to: clientsFile)
    }

    /// The server's key pair, created (readable by the owner only) if missing.
    public func serverKeyPair() throws -> CurveKeyPair {
        if FileManager.default.fileExists(atPath: serverFile.path) {
            return try JSONDecoder().decode(CurveKeyPair.self, from: Data(contentsOf: serverFile))
        }
        let pair = try CurveKeyPair.generate()
        try SecretFile.write(try JSONEncoder().encode(pair), to: serverFile)
        return pair
    }
}
