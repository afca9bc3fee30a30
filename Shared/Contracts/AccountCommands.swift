import Foundation

/// What a person may do on the dashboard. `lezer` reads; `contractmanager` also acts
/// (acknowledges, silences, imposes and lifts stops, exempts); `beheerder` also manages
/// accounts.
public enum AccountRole: String, Sendable, Codable, CaseIterable, Comparable {
    case lezer
    case contractmanager
    case beheerder

    public var mayAct: Bool { self >= .contractmanager }
    public var managesAccounts: Bool { self == .beheerder }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: AccountRole, rhs: AccountRole) -> Bool { lhs.rank < rhs.rank }
}

/// `user.add` (reporter's admin socket): a local account for the dashboard. The password
/// is hashed by the reporter (bcrypt) and never stored or logged as given.
public struct UserAddRequest: AdminRequest {
    public static let command = AdminCommand.userAdd
    public typealias Reply = AccountSummary
    public private(set) var command = Self.command
    public var name: String
    public var role: AccountRole
    public var password: String
    public init(name: String, role: AccountRole, password: String) {
        self.name = name
        self.role = role
        self.password = password
    }
}

public struct UserListRequest: AdminRequest {
    public static let command = AdminCommand.userList
    public typealias Reply = [AccountSummary]
    public private(set) var command = Self.command
    public init() {}
}

/// `user.disable`: the account can no longer log in; its sessions end at once.
public struct UserDisableRequest: AdminRequest {
    public static let command = AdminCommand.userDisable
    public typealias Reply = AdminEmpty
    public private(set) var command = Self.command
    public var name: String
    public init(name: String) { self.name = name }
}

/// An account as `plafond user list` shows it: never the hash.
public struct AccountSummary: Codable, Sendable, Equatable {
    public var name: String
    public var role: AccountRole
    public var disabled: Bool
    public var lockedUntil: Date?
    public var createdAt: Date

    public init(name: String, role: AccountRole, disabled: Bool, lockedUntil: Date?, createdAt: Date) {
        self.name = name
        self.role = role
        self.disabled = disabled
        self.lockedUntil = lockedUntil
        self.createdAt = createdAt
    }
}
