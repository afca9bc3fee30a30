import Contracts
import Foundation
import GRDB
import Storage

/// One dashboard account, as stored: a bcrypt hash, never the password; times as
/// `Timestamp` text.
struct AccountRecord: Codable, TimestampedRecord, PersistableRecord, Sendable {
    static let databaseTableName = "account"

    var name: String
    var role: AccountRole
    var passwordHash: String
    var disabled: Bool
    /// Failed logins since the last success or lockout.
    var failedAttempts: Int
    var lockedUntil: Date?
    var createdAt: Date

    enum Columns {
        static let name = Column(CodingKeys.name)
        static let disabled = Column(CodingKeys.disabled)
    }

    var summary: AccountSummary {
        AccountSummary(name: name, role: role, disabled: disabled, lockedUntil: lockedUntil, createdAt: createdAt)
    }
}

extension AccountRole: DatabaseValueConvertible {}
