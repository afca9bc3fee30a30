import CZeroMQ

/// A CURVE key pair in Z85 text (40 characters each), as libzmq options take them.
public struct CurveKeyPair: Sendable, Codable, Equatable {
    public let publicKey: String
    public let secretKey: String

    public init(publicKey: String, secretKey: String) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    public static func generate() throws -> CurveKeyPair {
        var publicKey = [CChar](repeating: 0, count: 41)
        var secretKey = [CChar](repeating: 0, count: 41)
        _ = try zmqCall("zmq_curve_keypair") { zmq_curve_keypair(&publicKey, &secretKey) }
        return CurveKeyPair(publicKey: String(cString: publicKey), secretKey: String(cString: secretKey))
    }

    /// Whether this libzmq was built with CURVE (Debian's is, with libsodium).
    public static var curveAvailable: Bool { zmq_has("curve") != 0 }
}
