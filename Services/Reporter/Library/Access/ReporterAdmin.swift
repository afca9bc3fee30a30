import Contracts
import Foundation
import Logging

/// Answers `plafond user add|list|disable` on the reporter's admin socket (one JSON
/// document in, one out), as monitor and notifier answer theirs.
public struct ReporterAdmin: Sendable {
    let accounts: AccountStore
    let sessions: SessionStore
    let logger: Logger

    init(accounts: AccountStore, sessions: SessionStore, logger: Logger) {
        self.accounts = accounts
        self.sessions = sessions
        self.logger = logger
    }

    public init(access: DashboardAccess, logger: Logger) {
        self.init(accounts: access.accounts, sessions: access.sessions, logger: logger)
    }

    public func handle(_ request: Data) -> Data {
        do {
            let name = try AdminCoding.decode(AdminCommandName.self, from: request).command
            switch AdminCommand(rawValue: name) {
            case .userAdd:
                let summary = try accounts.add(AdminCoding.decode(UserAddRequest.self, from: request))
                // A new password or role takes effect at the next login.
                sessions.endAll(name: summary.name)
                logger.notice(
                    "account added", metadata: ["user": "\(summary.name)", "role": "\(summary.role.rawValue)"])
                return try AdminCoding.encode(AdminReply.success(summary))
            case .userList:
                return try AdminCoding.encode(AdminReply.success(try accounts.listBlocking()))
            case .userDisable:
                let target = try AdminCoding.decode(UserDisableRequest.self, from: request).name
                try accounts.disableBlocking(name: target)
                sessions.endAll(name: target)
                logger.notice("account disabled", metadata: ["user": "\(target)"])
                return try AdminCoding.encode(AdminReply.success(AdminEmpty()))
            default:
                throw AccessError(.unknownCommand, "onbekende opdracht \(name)")
            }
        } catch {
            logger.warning("admin request refused", metadata: ["error": "\(error)"])
            let text = (error as? AccessError)?.message ?? "ongeldig verzoek: \(error)"
            return (try? AdminCoding.encode(AdminReply<AdminEmpty>.failure(text))) ?? Data()
        }
    }
}
