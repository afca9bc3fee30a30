import Crypto
import Foundation

/// The keyed pseudonym that stands for a client everywhere outside intake.
///
/// HMAC-SHA256 with a secret from the configuration: the same BSN always gives the same
/// pseudonym (so monitor and reporter can count distinct clients), while nobody without
/// the key can recompute it from a guessed BSN, as they could from a plain hash.
public struct Pseudonymizer: Sendable {
    // Kept as bytes: `SymmetricKey` is not Sendable, and making one is cheap.
    private let secret: Data

    public init(secret: String) {
        self.secret = Data(secret.utf8)
    }

    public func pseudonym(forBSN bsn: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(bsn.utf8), using: SymmetricKey(data: secret))
        // 16 bytes (128 bits) is ample against collisions among 450,000 youths.
        var text: [UInt8] = Array("p-".utf8)
        text.reserveCapacity(34)
        for byte in mac.prefix(16) {
            text.append(Self.hexDigits[Int(byte >> 4)])
            text.append(Self.hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
