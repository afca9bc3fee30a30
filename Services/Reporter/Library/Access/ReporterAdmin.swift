import Contracts
import Foundation
import Logging

/// Answers `plafond user add|list|disable` on the reporter's admin socket (one JSON
/// document in, one out), as monitor and notifier answer theirs.
public struct ReporterAdmin: Sendable {
    let handlers: AdminHandlers
    let logger: Logger

    init(accounts: AccountStore, sessions: SessionStore, logger: Logger) {
        var handlers = AdminHandlers()
        handlers.on(UserAddRequest.self) { request, _ in
            let summary = try accounts.add(request)
            // A new password or role takes effect at the next login.
            sessions.endAll(name: summary.name)
            logger.notice("account added", metadata: ["user": "\(summary.name)", "role": "\(summary.role.rawValue)"])
            return summary
        }
        handlers.on(UserListRequest.self) { _, _ in try accounts.listBlocking() }
        handlers.on(UserDisableRequest.self) { request, _ in
            try accounts.disableBlocking(name: request.name)
            sessions.endAll(name: request.name)
            logger.notice("account disabled", metadata: ["user": "\(request.name)"])
            return AdminEmpty()
        }
        self.handlers = handlers
        self.logger = logger
    }

    public init(access: DashboardAccess, logger: Logger) {
        self.init(accounts: access.accounts, sessions: access.sessions, logger: logger)
    }

    public func handle(_ request: Data) -> Data {
        do {
            return try handlers.answer(request) { AccessError(.unknownCommand, "onbekende opdracht \($0)") }
        } catch {
            logger.warning("admin request refused", metadata: ["error": "\(error)"])
            let text = (error as? AccessError)?.message ?? "ongeldig verzoek: \(error)"
            return (try? AdminCoding.encode(AdminReply<AdminEmpty>.failure(text))) ?? Data()
        }
    }
}
