import Contracts
import Foundation

/// A logged-in person: who, with which role, and the token every form they post must
/// carry (CSRF). The session's own token travels only in the cookie.
struct Session: Sendable, Equatable {
    var name: String
    var role: AccountRole
    var csrfToken: String
    var lastSeen: Date
    var started: Date

    var viewer: HTML.Viewer { HTML.Viewer(name: name, role: role.rawValue, csrfToken: csrfToken) }
}

/// 256 random bits as hex, from the system's secure generator (getrandom on Linux).
enum RandomToken {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let value = generator.next() as UInt64
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
