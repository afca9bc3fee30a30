import Foundation

/// What a provider's system needs to connect with CURVE: its own key pair, intake's
/// public key and the endpoint. Written by `plafond keys`, read by `plafond submit`.
public struct ClientKeyFile: Codable, Sendable, Equatable {
    public var identity: String
    public var publicKey: String
    public var secretKey: String
    public var serverPublicKey: String
    public var endpoint: String

    public init(identity: String, publicKey: String, secretKey: String, serverPublicKey: String, endpoint: String) {
        self.identity = identity
        self.publicKey = publicKey
        self.secretKey = secretKey
        self.serverPublicKey = serverPublicKey
        self.endpoint = endpoint
    }

    public static func read(from url: URL) throws -> ClientKeyFile {
        try JSONDecoder().decode(ClientKeyFile.self, from: Data(contentsOf: url))
    }

    /// Written readable by the owner only: it holds a secret key.
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try SecretFile.write(try encoder.encode(self), to: url)
    }

    public var curve: RequestClient.CurveClientKeys {
        RequestClient.CurveClientKeys(serverPublicKey: serverPublicKey, publicKey: publicKey, secretKey: secretKey)
    }
}
