import Contracts

/// A client system's bearer token, its name (for logs) and its role.
public struct APIClientToken: Sendable, Equatable {
    public var name: String
    public var token: String
    public var role: AccountRole

    public init(name: String, token: String, role: AccountRole) {
        self.name = name
        self.token = token
        self.role = role
    }
}
