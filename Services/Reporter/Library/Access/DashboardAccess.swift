import Hummingbird
import Logging

/// Everything the dashboard needs to know who is looking and to act for them.
public struct DashboardAccess: Sendable {
    public let accounts: AccountStore
    let sessions: SessionStore
    public let settings: AccessSettings
    public let services: OwningServices

    public init(accounts: AccountStore, settings: AccessSettings, services: OwningServices) {
        self.init(accounts: accounts, sessions: SessionStore(), settings: settings, services: services)
    }

    init(accounts: AccountStore, sessions: SessionStore, settings: AccessSettings, services: OwningServices) {
        self.accounts = accounts
        self.sessions = sessions
        self.settings = settings
        self.services = services
    }

    func register(on router: Router<ReporterRequestContext>, logger: Logger) {
        LoginRoutes(accounts: accounts, sessions: sessions, settings: settings, logger: logger).register(on: router)
        ActionRoutes(services: services, logger: logger).register(on: router)
        AccountRoutes(accounts: accounts, sessions: sessions, logger: logger).register(on: router)
    }

    func middleware(logger: Logger) -> DashboardAccessMiddleware {
        DashboardAccessMiddleware(accounts: accounts, sessions: sessions, settings: settings, logger: logger)
    }
}
