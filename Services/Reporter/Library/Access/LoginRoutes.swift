import Contracts
import Dispatch
import Domain
import Foundation
import Hummingbird
import Logging

/// `GET/POST /inloggen` and `POST /uitloggen`. The login form carries a token that must
/// match a cookie set with it (double submit), so another site cannot log someone in
/// under an account of its choosing; bcrypt runs on a queue of its own, off Swift's
/// cooperative threads.
struct LoginRoutes {
    let accounts: AccountStore
    let sessions: SessionStore
    let settings: AccessSettings
    let logger: Logger

    /// bcrypt takes a quarter second by design; it must not hold up a concurrency thread.
    private static let hashing = DispatchQueue(label: "plafond.reporter.bcrypt", attributes: .concurrent)

    func register(on router: Router<ReporterRequestContext>) {
        let accounts = self.accounts
        let sessions = self.sessions
        let settings = self.settings
        let logger = self.logger
        router.get("/inloggen") { request, _ -> Response in
            let token = RandomToken.make()
            var response = HTMLResponse.page(
                LoginPage.render(csrfToken: token, returnTo: Self.safeReturn(request.uri.formParameters.get("terug"))))
            response.setCookie(SessionCookie.loginForm(token, secure: settings.secureCookies))
            return response
        }
        router.post("/inloggen") { request, context -> Response in
            var request = request
            let fields = try await FormFields.read(&request)
            let returnTo = Self.safeReturn(fields["terug"])
            let retry = { (message: String, status: HTTPResponse.Status) -> Response in
                let token = RandomToken.make()
                var response = HTMLResponse.page(
                    LoginPage.render(csrfToken: token, returnTo: returnTo, error: message, name: fields["naam"] ?? ""),
                    status: status)
                response.setCookie(SessionCookie.loginForm(token, secure: settings.secureCookies))
                return response
            }
            guard let cookie = request.cookies[SessionCookie.loginForm]?.value, let posted = fields["csrf"],
                DashboardAccessMiddleware.constantTimeEquals(cookie, posted)
            else {
                return retry("Het formulier was verlopen. Probeer het opnieuw.", .forbidden)
            }
            guard let name = fields.text("naam"), let password = fields["wachtwoord"], !password.isEmpty else {
                return retry("Vul uw naam en wachtwoord in.", .badRequest)
            }
            let outcome = try await withCheckedThrowingContinuation { continuation in
                Self.hashing.async {
                    continuation.resume(with: Result { try accounts.login(name: name, password: password) })
                }
            }
            switch outcome {
            case .success(let name, let role):
                let started = sessions.start(name: name, role: role)
                logger.notice("logged in", metadata: ["user": "\(name)", "role": "\(role.rawValue)"])
                var response = HTMLResponse.redirect(to: returnTo)
                response.setCookie(SessionCookie.session(started.token, secure: settings.secureCookies))
                response.setCookie(
                    SessionCookie.expired(SessionCookie.loginForm, path: "/inloggen", secure: settings.secureCookies))
                return response
            case .refused:
                logger.warning("login refused", metadata: ["user": "\(name)"])
                return retry("Naam of wachtwoord onjuist.", .unauthorized)
            case .locked(let until):
                logger.warning("login refused: account locked", metadata: ["user": "\(name)"])
                return retry(
                    "Te veel mislukte pogingen: dit account is geblokkeerd tot \(DutchDate.text(until)).",
                    .tooManyRequests)
            }
        }
        router.post("/uitloggen") { request, context -> Response in
            if let token = request.cookies[SessionCookie.session]?.value { sessions.end(token: token) }
            logger.notice("logged out", metadata: ["user": "\(context.session?.name ?? "")"])
            var response = HTMLResponse.redirect(to: "/inloggen")
            response.setCookie(SessionCookie.expired(SessionCookie.session, secure: settings.secureCookies))
            return response
        }
    }

    /// Only a path on this site: `//elders.example` or `https://…` would send the person
    /// away after logging in, and so would `/\t/elders.example`: a browser drops tabs and
    /// newlines from an address before reading it. No control character or space passes.
    static func safeReturn(_ value: String?) -> String {
        guard let value, value.hasPrefix("/"), !value.hasPrefix("//"), !value.contains("\\"),
            !value.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F })
        else { return "/" }
        return value
    }

    static func encodeReturn(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? "%2F"
    }
}
