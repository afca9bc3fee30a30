import Contracts
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import Runtime

@testable import ReporterService

extension ReporterHTTPServer {
    /// The server as the routes' tests use it: no token, no metrics, never bound (the
    /// tests drive its router), accounts in memory, and owning services at `services`
    /// (by default an address where nothing answers).
    static func forTests(
        database: ReporterDatabase, token: String? = nil, clients: [APIClientToken] = [],
        address: HostAndPort = HostAndPort(host: "127.0.0.1", port: 0),
        regions: [String: [String]] = [:], services: OwningServices = .nowhere,
        settings: AccessSettings = AccessSettings()
    ) throws -> ReporterHTTPServer {
        try ReporterHTTPServer(
            database: database, address: address, token: token, clients: clients, metrics: nil, regions: regions,
            access: DashboardAccess(
                accounts: try AccountStore.inMemory(), sessions: SessionStore(), settings: settings, services: services),
            logger: Logger(label: "test"))
    }

    /// The cookie a browser logged in as `name` with `role` would send, and the session's CSRF token.
    func login(_ role: AccountRole = .lezer, name: String = "Test Lezer") -> (headers: HTTPFields, csrf: String) {
        let (token, session) = access.sessions.start(name: name, role: role)
        return ([.cookie: "\(SessionCookie.session)=\(token)"], session.csrfToken)
    }

    /// The headers of a browser logged in as a lezer.
    var reader: HTTPFields { login().headers }
}

extension OwningServices {
    /// Admin addresses where nothing listens: an action reaches no service.
    static let nowhere = OwningServices(
        monitorAdmin: "tcp://127.0.0.1:9", notifierAdmin: "tcp://127.0.0.1:9", timeout: .milliseconds(200))
}

/// The `id` of each object in a JSON list answer, nil when the body is no such list.
func listedIDs(_ response: TestResponse) -> [Int]? {
    guard let list = try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]]
    else { return nil }
    return list.compactMap { $0["id"] as? Int }
}
