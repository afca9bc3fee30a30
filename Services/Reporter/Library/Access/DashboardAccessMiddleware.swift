import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The dashboard always asks who is looking, on loopback too (other users of the same
/// host reach loopback): a page without a live session redirects to the login page, a
/// posted form without the session's CSRF token is refused. `/api/…` (bearer tokens),
/// `/metrics`, `/gezond`, `/healthz`, `/readyz` and the login page itself pass through.
///
/// With `trustedProxy` set, a request from that address naming a person in the
/// configured header gets a session for that person's account (single sign-on behind a
/// proxy that authenticated them); the header from any other address is ignored.
struct DashboardAccessMiddleware: RouterMiddleware {
    typealias Context = ReporterRequestContext

    let accounts: AccountStore
    let sessions: SessionStore
    let settings: AccessSettings
    let logger: Logger

    static func isOpen(_ path: String) -> Bool {
        path.hasPrefix("/api/") || ["/metrics", "/gezond", "/healthz", "/readyz", "/inloggen"].contains(path)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        if Self.isOpen(path) {
            return try await next(request, context)
        }
        var context = context
        var newCookie: Cookie?
        if let token = request.cookies[SessionCookie.session]?.value, let session = sessions.session(token: token) {
            context.session = session
        }
        if let proxied = try await proxiedPerson(request, context: context) {
            if context.session?.name != proxied.name {
                let started = sessions.start(name: proxied.name, role: proxied.role)
                context.session = started.session
                newCookie = SessionCookie.session(started.token, secure: secure(request, context: context))
            }
        }
        guard let session = context.session else {
            guard request.method == .get || request.method == .head else {
                return HTMLResponse.page(
                    HTML.page(
                        title: "Niet ingelogd", body: "<h1>Niet ingelogd</h1><p><a href=\"/inloggen\">Inloggen</a></p>"),
                    status: .unauthorized)
            }
            return HTMLResponse.redirect(to: "/inloggen?terug=\(LoginRoutes.encodeReturn(request.uri.description))")
        }
        if request.method == .post {
            var request = request
            let fields = try await FormFields.read(&request)
            guard let token = fields["csrf"], Self.constantTimeEquals(token, session.csrfToken) else {
                logger.warning(
                    "form refused: no or wrong CSRF token", metadata: ["path": "\(path)", "user": "\(session.name)"])
                return HTMLResponse.page(
                    HTML.page(
                        title: "Geweigerd",
                        body:
                            "<h1>Formulier geweigerd</h1><p>Het formulier kwam niet van deze pagina (ontbrekend of onjuist controlegetal). Laad de pagina opnieuw en probeer het nog eens.</p>",
                        viewer: session.viewer),
                    status: .forbidden)
            }
            context.form = fields
            return try await respond(request, context: context, next: next, cookie: newCookie)
        }
        return try await respond(request, context: context, next: next, cookie: newCookie)
    }

    private func respond(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response, cookie: Cookie?
    ) async throws -> Response {
        var response = try await next(request, context)
        if let cookie { response.setCookie(cookie) }
        return response
    }

    /// The person the trusted proxy vouches for, when the request comes from it.
    private func proxiedPerson(_ request: Request, context: Context) async throws -> AccountRecord? {
        guard let proxy = settings.trustedProxy, context.remoteAddress?.ipAddress == proxy,
            let name = HTTPField.Name(settings.trustedUserHeader).flatMap({ request.headers[$0] }), !name.isEmpty
        else { return nil }
        guard let account = try await accounts.enabledAccount(name: name) else {
            logger.warning("proxy named a person without an enabled account", metadata: ["user": "\(name)"])
            return nil
        }
        return account
    }

    func secure(_ request: Request, context: Context) -> Bool {
        settings.secureCookies
            || (settings.trustedProxy != nil && context.remoteAddress?.ipAddress == settings.trustedProxy
                && request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https")
    }

    /// Compares tokens without stopping at the first difference.
    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
