import Foundation
import Logging
import Messaging

/// The public keys of the installation's services and operators, and what each may do.
///
/// Outside development mode every event log and admin socket is a CURVE server; this
/// file is how a service knows who is connecting. It holds public keys only, so it can be
/// copied to every host (or kept in `/etc/plafond/`, readable by each service's user);
/// the secrets stay in each service's key folder and each operator's own key file.
/// `plafond keys --dienst NAAM` and `--beheerder NAAM` add to it.
public struct ServiceKeyring: Sendable {
    public enum Role: String, Codable, Sendable {
        /// One of the four services: reads other services' event logs.
        case dienst
        /// A person operating the installation: gives admin commands with `plafond`.
        case beheerder
    }

    public struct Entry: Codable, Sendable, Equatable {
        public var role: Role
        public var name: String
        public var publicKey: String
        public var registeredAt: Date

        /// What the ZAP handler returns and the admin socket sees as the sender
        /// ("dienst:reporter", "beheerder:jan").
        public var identity: String { "\(role.rawValue):\(name)" }
    }

    public let file: URL

    public init(configuration: PlafondConfiguration) {
        file = KeyStore.resolve(
            configuration.general.keyringFile, in: URL(fileURLWithPath: configuration.general.dataDirectory))
    }

    public func entries() throws -> [Entry] {
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode([Entry].self, from: Data(contentsOf: file))
    }

    /// A service's public key, for connecting to it as a CURVE client.
    public func publicKey(ofService name: String) throws -> String {
        guard let entry = try entries().first(where: { $0.role == .dienst && $0.name == name }) else {
            throw RuntimeError(
                .configuration,
                "de sleutelring \(file.path) kent dienst \(name) niet: `plafond keys --dienst \(name)` op diens host")
        }
        return entry.publicKey
    }

    /// Adds (or replaces) the key of one service or operator; one key per name and role,
    /// and a key belongs to one name only.
    public func register(role: Role, name: String, publicKey: String, at date: Date = Date()) throws {
        var all = try entries().filter { !($0.role == role && $0.name == name) && $0.publicKey != publicKey }
        all.append(Entry(role: role, name: name, publicKey: publicKey, registeredAt: date))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try SecretFile.write(try encoder.encode(all), to: file, readableByOthers: true)
    }

    /// The ZAP decision for event logs and admin sockets, reading the file on each new
    /// connection so a key added with `plafond keys` works without a restart.
    ///
    /// Event logs: services and operators (who may follow a log to diagnose). Admin
    /// sockets: operators, and the reporter, whose workplace forwards what a logged-in
    /// contract manager decides; which commands each may give is `AdminAccess`'s call.
    public func authorizer(logger: Logger) -> @Sendable (ZAPRequest) -> String? {
        { [self] request in
            guard request.mechanism == "CURVE", let key = request.publicKeyZ85 else { return nil }
            let entry: Entry?
            do {
                entry = try entries().first { $0.publicKey == key }
            } catch {
                logger.error("cannot read the keyring; refusing", metadata: ["error": "\(error)"])
                return nil
            }
            guard let entry else { return nil }
            switch request.domain {
            case ZAPDomain.eventLog:
                return entry.identity
            case ZAPDomain.admin:
                return entry.role == .beheerder || entry.name == "reporter" ? entry.identity : nil
            default:
                return nil
            }
        }
    }
}
