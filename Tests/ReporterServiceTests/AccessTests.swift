import Contracts
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import ReporterService

/// The login: pages ask for it, the cookie is strict, a wrong password counts towards
/// a lockout, forms need the session's CSRF token, a lezer cannot act.
@Suite struct AccessTests {
    func server(settings: AccessSettings = AccessSettings()) throws -> ReporterHTTPServer {
        let core = ReporterCore(database: try .inMemory())
        try ReadModelTests().feed(core)
        return try ReporterHTTPServer.forTests(database: core.database, settings: settings)
    }

    /// The value of a hidden form field on a page.
    func field(_ name: String, in page: String) -> String? {
        guard let start = page.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(page[start.upperBound...].prefix { $0 != "\"" })
    }

    /// `name=value` of the cookie called `name` among the Set-Cookie headers.
    func cookie(_ name: String, in response: TestResponse) -> String? {
        response.headers[values: .setCookie].first { $0.hasPrefix("\(name)=") }
    }

    @Test func everyDashboardPageAsksForALoginButTheAPIMetricsAndHealthDoNot() async throws {
        let server = try server()
        try await Application(router: server.router()).test(.router) { client in
            for path in ["/", "/normen/7", "/tijdlijn", "/meldingen", "/rapport?periode=2026", "/aanbieders/12345678"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .seeOther, "\(path)")
                    #expect(response.headers[.location]?.hasPrefix("/inloggen?terug=") == true, "\(path)")
                }
            }
            try await client.execute(uri: "/api/norms", method: .get) { response in #expect(response.status == .ok) }
            try await client.execute(uri: "/gezond", method: .get) { response in #expect(response.status == .ok) }
            try await client.execute(uri: "/inloggen", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<label>Wachtwoord"))
            }
        }
    }

    func logIn(
        _ client: some TestClientProtocol, name: String, password: String, returnTo: String = "/normen/7"
    ) async throws -> TestResponse {
        let form = try await client.execute(uri: "/inloggen?terug=\(returnTo)", method: .get)
        let page = String(buffer: form.body)
        let formCookie = try #require(cookie(SessionCookie.loginForm, in: form)).split(separator: ";")[0]
        let csrf = try #require(field("csrf", in: page))
        let body = "naam=\(name)&wachtwoord=\(password)&csrf=\(csrf)&terug=\(returnTo)"
        return try await client.execute(
            uri: "/inloggen", method: .post,
            headers: [.cookie: String(formCookie), .contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body))
    }

    @Test func theRightPasswordLogsInWithAStrictHttpOnlyCookieAndLogoutEndsIt() async throws {
        let server = try server()
        try server.access.accounts.add(
            UserAddRequest(name: "jdevries", role: .contractmanager, password: "lang-genoeg-wachtwoord"))
        try await Application(router: server.router()).test(.router) { client in
            let wrong = try await logIn(client, name: "jdevries", password: "fout-wachtwoord-x")
            #expect(wrong.status == .unauthorized)
            #expect(String(buffer: wrong.body).contains("Naam of wachtwoord onjuist"))
            let response = try await logIn(client, name: "jdevries", password: "lang-genoeg-wachtwoord")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/normen/7")
            let setCookie = try #require(cookie(SessionCookie.session, in: response))
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
            #expect(!setCookie.contains("Secure"))
            let session = String(setCookie.split(separator: ";")[0])
            let page = try await client.execute(uri: "/normen/7", method: .get, headers: [.cookie: session])
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("jdevries (contractmanager)"))
            let csrf = try #require(field("csrf", in: html))
            let out = try await client.execute(
                uri: "/uitloggen", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=\(csrf)"))
            #expect(out.status == .seeOther)
            let after = try await client.execute(uri: "/normen/7", method: .get, headers: [.cookie: session])
            #expect(after.status == .seeOther)
        }
    }

    @Test func overTLSTheSessionCookieIsSecure() async throws {
        let server = try server(settings: AccessSettings(secureCookies: true))
        try server.access.accounts.add(
            UserAddRequest(name: "jdevries", role: .lezer, password: "lang-genoeg-wachtwoord"))
        try await Application(router: server.router()).test(.router) { client in
            let response = try await logIn(client, name: "jdevries", password: "lang-genoeg-wachtwoord")
            #expect(try #require(cookie(SessionCookie.session, in: response)).contains("Secure"))
        }
    }

    @Test func aLoginFormWithoutItsTokenIsRefused() async throws {
        let server = try server()
        try server.access.accounts.add(
            UserAddRequest(name: "jdevries", role: .lezer, password: "lang-genoeg-wachtwoord"))
        try await Application(router: server.router()).test(.router) { client in
            let response = try await client.execute(
                uri: "/inloggen", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "naam=jdevries&wachtwoord=lang-genoeg-wachtwoord"))
            #expect(response.status == .forbidden)
            #expect(cookie(SessionCookie.session, in: response) == nil)
        }
    }

    @Test func fiveWrongPasswordsLockAnAccountForAQuarterOfAnHour() throws {
        let now = Mutex(Date(timeIntervalSince1970: 1_775_000_000))
        let accounts = try AccountStore.inMemory(clock: { now.withLock { $0 } })
        try accounts.add(UserAddRequest(name: "jdevries", role: .lezer, password: "lang-genoeg-wachtwoord"))
        for _ in 1...4 { #expect(try accounts.login(name: "jdevries", password: "fout") == .refused) }
        guard case .locked = try accounts.login(name: "jdevries", password: "fout") else {
            Issue.record("the fifth failure did not lock the account")
            return
        }
        // Locked: even the right password is not checked.
        guard case .locked = try accounts.login(name: "jdevries", password: "lang-genoeg-wachtwoord") else {
            Issue.record("a locked account let the right password in")
            return
        }
        now.withLock { $0 += 16 * 60 }
        #expect(
            try accounts.login(name: "jdevries", password: "lang-genoeg-wachtwoord")
                == .success(name: "jdevries", role: .lezer))
    }

    @Test func aDisabledAccountCannotLogInAndAShortPasswordIsRefused() async throws {
        let accounts = try AccountStore.inMemory()
        #expect(throws: AccessError.self) {
            try accounts.add(UserAddRequest(name: "kort", role: .lezer, password: "kort"))
        }
        try accounts.add(UserAddRequest(name: "jdevries", role: .lezer, password: "lang-genoeg-wachtwoord"))
        try await accounts.disable(name: "jdevries")
        #expect(try accounts.login(name: "jdevries", password: "lang-genoeg-wachtwoord") == .refused)
        #expect(try await accounts.list().map(\.disabled) == [true])
        await #expect(throws: AccessError.self) { try await accounts.disable(name: "niemand") }
    }

    @Test func theAdminSocketAddsListsAndDisablesAccountsAndEndsTheirSessions() throws {
        let server = try server()
        let admin = ReporterAdmin(access: server.access, logger: .init(label: "test"))
        func call<Result: Codable & Sendable>(_ request: some Encodable, _: Result.Type) throws -> AdminReply<Result> {
            try AdminCoding.decode(AdminReply<Result>.self, from: admin.handle(AdminCoding.encode(request)))
        }
        let added = try call(
            UserAddRequest(name: "pjansen", role: .beheerder, password: "lang-genoeg-wachtwoord"), AccountSummary.self)
        #expect(added.ok && added.result?.role == .beheerder)
        #expect(try call(UserListRequest(), [AccountSummary].self).result?.map(\.name) == ["pjansen"])
        let (token, _) = server.access.sessions.start(name: "pjansen", role: .beheerder)
        #expect(try call(UserDisableRequest(name: "pjansen"), AdminEmpty.self).ok)
        #expect(server.access.sessions.session(token: token) == nil)
        let refused = try call(UserAddRequest(name: "x", role: .lezer, password: "kort"), AccountSummary.self)
        #expect(!refused.ok && refused.error?.contains("12 tekens") == true)
    }

    @Test func aTrustedProxyNamesThePersonButNoOtherAddressMay() async throws {
        let trusting = try server(settings: AccessSettings(trustedProxy: "127.0.0.1"))
        try trusting.access.accounts.add(
            UserAddRequest(name: "sso.jansen", role: .lezer, password: "lang-genoeg-wachtwoord"))
        try await Application(router: trusting.router()).test(.live) { client in
            try await client.execute(uri: "/", method: .get, headers: [HTTPField.Name("X-Remote-User")!: "sso.jansen"])
            {
                response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("sso.jansen (lezer)"))
                #expect(cookie(SessionCookie.session, in: response)?.contains("SameSite=Strict") == true)
            }
            // A name without an enabled account gets the login page.
            try await client.execute(uri: "/", method: .get, headers: [HTTPField.Name("X-Remote-User")!: "onbekend"]) {
                response in
                #expect(response.status == .seeOther)
            }
        }
        let elsewhere = try server(settings: AccessSettings(trustedProxy: "10.0.0.5"))
        try elsewhere.access.accounts.add(
            UserAddRequest(name: "sso.jansen", role: .lezer, password: "lang-genoeg-wachtwoord"))
        try await Application(router: elsewhere.router()).test(.live) { client in
            try await client.execute(uri: "/", method: .get, headers: [HTTPField.Name("X-Remote-User")!: "sso.jansen"])
            {
                response in
                #expect(response.status == .seeOther)
            }
        }
    }

    @Test func aBeheerderManagesAccountsInTheBrowserAndNobodyElseMay() async throws {
        let server = try server()
        try await Application(router: server.router()).test(.router) { client in
            let manager = server.login(.contractmanager, name: "J. de Vries")
            let refused = try await client.execute(uri: "/beheer", method: .get, headers: manager.headers)
            #expect(refused.status == .forbidden)
            let beheerder = server.login(.beheerder, name: "P. Jansen")
            var headers = beheerder.headers
            headers[.contentType] = "application/x-www-form-urlencoded"
            let added = try await client.execute(
                uri: "/beheer/accounts", method: .post, headers: headers,
                body: ByteBuffer(
                    string: "naam=kbakker&rol=lezer&wachtwoord=lang-genoeg-wachtwoord&csrf=\(beheerder.csrf)"))
            #expect(added.headers[.location]?.hasPrefix("/beheer?gedaan=") == true)
            let short = try await client.execute(
                uri: "/beheer/accounts", method: .post, headers: headers,
                body: ByteBuffer(string: "naam=kort&rol=lezer&wachtwoord=kort&csrf=\(beheerder.csrf)"))
            #expect(short.headers[.location]?.contains("fout=") == true)
            let page = try await client.execute(uri: "/beheer", method: .get, headers: beheerder.headers)
            let html = String(buffer: page.body)
            #expect(html.contains("<th scope=\"row\">kbakker</th><td>lezer</td><td>actief</td>"))
            #expect(html.contains("<a href=\"/beheer\">Accounts</a>"))
            #expect(html.contains("<option value=\"contractmanager\">contractmanager</option>"))
            #expect(!html.contains("GRDB") && !html.contains("SQL("))
            #expect(
                try server.access.accounts.login(name: "kbakker", password: "lang-genoeg-wachtwoord")
                    == .success(name: "kbakker", role: .lezer))
            let (token, _) = server.access.sessions.start(name: "kbakker", role: .lezer)
            let disabled = try await client.execute(
                uri: "/beheer/accounts/uitschakelen", method: .post, headers: headers,
                body: ByteBuffer(string: "naam=kbakker&csrf=\(beheerder.csrf)"))
            #expect(disabled.headers[.location]?.hasPrefix("/beheer?gedaan=") == true)
            #expect(server.access.sessions.session(token: token) == nil)
            #expect(try await server.access.accounts.list().first { $0.name == "kbakker" }?.disabled == true)
        }
    }

    @Test func aFormWithoutTheSessionsTokenIsRefusedAndALezerCannotAct() async throws {
        let server = try server()
        try await Application(router: server.router()).test(.router) { client in
            let manager = server.login(.contractmanager, name: "J. de Vries")
            var headers = manager.headers
            headers[.contentType] = "application/x-www-form-urlencoded"
            let forged = try await client.execute(
                uri: "/normen/7/stop-opleggen", method: .post, headers: headers, body: ByteBuffer(string: "reden=x"))
            #expect(forged.status == .forbidden)
            #expect(String(buffer: forged.body).contains("Formulier geweigerd"))
            let wrong = try await client.execute(
                uri: "/normen/7/stop-opleggen", method: .post, headers: headers,
                body: ByteBuffer(string: "reden=x&csrf=\(String(repeating: "0", count: 64))"))
            #expect(wrong.status == .forbidden)
            let reader = server.login(.lezer, name: "Lezer")
            var readerHeaders = reader.headers
            readerHeaders[.contentType] = "application/x-www-form-urlencoded"
            let refused = try await client.execute(
                uri: "/normen/7/stop-opleggen", method: .post, headers: readerHeaders,
                body: ByteBuffer(string: "reden=x&csrf=\(reader.csrf)"))
            #expect(refused.status == .forbidden)
            #expect(String(buffer: refused.body).contains("Geen toegang"))
            // And the lezer's pages have no forms to act with; the contract manager's do.
            let page = try await client.execute(uri: "/normen/7", method: .get, headers: reader.headers)
            #expect(!String(buffer: page.body).contains("action=\"/normen/7/"))
            let list = try await client.execute(uri: "/meldingen", method: .get, headers: reader.headers)
            #expect(String(buffer: list.body).contains("niet bevestigd"))
            #expect(!String(buffer: list.body).contains("action=\"/normen/7/bevestigen\""))
            let managersList = try await client.execute(uri: "/meldingen", method: .get, headers: manager.headers)
            #expect(String(buffer: managersList.body).contains("action=\"/normen/7/bevestigen\""))
        }
    }

    @Test func theReporterAnswersEveryAccountCommand() throws {
        let admin = ReporterAdmin(access: try server().access, logger: .init(label: "test"))
        #expect(admin.handlers.commands == [.userAdd, .userList, .userDisable])
    }
}
