import Contracts
import Dispatch
import Foundation
import Hummingbird
import Logging

/// `/beheer`: a `beheerder` manages the dashboard's accounts in the browser, as
/// `plafond user` does on the command line: list, add (or give a new password and role),
/// disable. Everyone else gets 403. Forms pass the CSRF check of the access middleware.
struct AccountRoutes {
    let accounts: AccountStore
    let sessions: SessionStore
    let logger: Logger

    /// bcrypt for a new password runs off Swift's cooperative threads, as at login.
    private static let hashing = DispatchQueue(label: "plafond.reporter.account-hashing")

    func register(on router: Router<ReporterRequestContext>) {
        let accounts = self.accounts
        let sessions = self.sessions
        let logger = self.logger
        router.get("/beheer") { request, context -> Response in
            guard let session = context.session, session.role.managesAccounts else { return Self.forbidden(context) }
            let query = request.uri.formParameters
            return HTMLResponse.page(
                AccountsPage.render(
                    try await accounts.list(), viewer: session.viewer, done: query.get("gedaan").map { String($0) },
                    failed: query.get("fout").map { String($0) }))
        }
        router.post("/beheer/accounts") { _, context -> Response in
            guard let session = context.session, session.role.managesAccounts, let fields = context.form else {
                return Self.forbidden(context)
            }
            guard let name = fields.text("naam"), let role = fields.text("rol").flatMap(AccountRole.init(rawValue:)),
                let password = fields["wachtwoord"]
            else { return Self.back(failed: "geef een naam, een rol en een wachtwoord") }
            do {
                let summary = try await withCheckedThrowingContinuation { continuation in
                    Self.hashing.async {
                        continuation.resume(
                            with: Result {
                                try accounts.add(UserAddRequest(name: name, role: role, password: password))
                            })
                    }
                }
                sessions.endAll(name: summary.name)
                logger.notice(
                    "account added",
                    metadata: ["user": "\(summary.name)", "role": "\(role.rawValue)", "by": "\(session.name)"])
                return Self.back(done: "Account \(summary.name) (\(role.rawValue)) opgeslagen.")
            } catch let error as AccessError {
                return Self.back(failed: error.message)
            }
        }
        router.post("/beheer/accounts/uitschakelen") { _, context -> Response in
            guard let session = context.session, session.role.managesAccounts, let fields = context.form else {
                return Self.forbidden(context)
            }
            guard let name = fields.text("naam") else { return Self.back(failed: "kies een account") }
            guard name != session.name else { return Self.back(failed: "uw eigen account schakelt u hier niet uit") }
            do {
                try await accounts.disable(name: name)
                sessions.endAll(name: name)
                logger.notice("account disabled", metadata: ["user": "\(name)", "by": "\(session.name)"])
                return Self.back(done: "Account \(name) uitgeschakeld.")
            } catch let error as AccessError {
                return Self.back(failed: error.message)
            }
        }
    }

    static func back(done: String? = nil, failed: String? = nil) -> Response {
        let query =
            done.map { "gedaan=\(LoginRoutes.encodeReturn($0))" } ?? "fout=\(LoginRoutes.encodeReturn(failed ?? ""))"
        return HTMLResponse.redirect(to: "/beheer?\(query)")
    }

    static func forbidden(_ context: ReporterRequestContext) -> Response {
        HTMLResponse.page(
            HTML.page(
                title: "Geen toegang",
                body: "<h1>Geen toegang</h1><p>Accounts beheren kan alleen met de rol beheerder.</p>",
                viewer: context.viewer),
            status: .forbidden)
    }
}
