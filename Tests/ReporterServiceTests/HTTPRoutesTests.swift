import Contracts
import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Messaging
import Runtime
import Testing

@testable import ReporterService

@Suite struct HTTPRoutesTests {
    func server(token: String? = nil) throws -> ReporterHTTPServer {
        let may10 = Date(timeIntervalSince1970: TimeInterval(Day(iso: "2026-05-10")!.daysSince1970 * 86_400))
        let core = ReporterCore(database: try .inMemory(clock: { may10 }))
        try ReadModelTests().feed(core)
        return try ReporterHTTPServer.forTests(database: core.database, token: token)
    }

    @Test func theAPIServesNormsWithExactFigures() async throws {
        let server = try server()
        let app = Application(router: try server.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/norms/7", method: .get) { response in
                #expect(response.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["spent"] as? Int == 72_500)
                #expect(json?["limit"] as? Int == 100_000)
                #expect(json?["percentage"] as? Double == 72.5)
                #expect(json?["suppressed"] as? Bool == false)
                #expect(json?["instrument"] as? String == "bestedingsruimte")
            }
            try await client.execute(uri: "/api/norms", method: .get) { response in
                let list = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]]
                #expect(list?.count == 1)
            }
            try await client.execute(uri: "/api/norms/99", method: .get) { response in
                #expect(response.status == .notFound)
                let body = try APIErrorBody(response)
                #expect(body.code == "NORM_ONBEKEND")
            }
            // One gemeente's norms: the norm is Nijmegen's (0268), not Utrecht's (0344).
            for (gemeente, count) in [("0268", 1), ("0344", 0)] {
                try await client.execute(uri: "/api/norms?gemeente=\(gemeente)", method: .get) { response in
                    let list = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]]
                    #expect(list?.count == count, "gemeente \(gemeente)")
                }
                try await client.execute(uri: "/?gemeente=\(gemeente)", method: .get, headers: server.reader) {
                    response in
                    #expect(String(buffer: response.body).contains("/normen/7") == (count == 1), "gemeente \(gemeente)")
                }
            }
            for uri in ["/api/norms?gemeente=268", "/?gemeente=abcd"] {
                try await client.execute(uri: uri, method: .get, headers: server.reader) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                }
            }
            try await client.execute(uri: "/api/alerts?state=firing", method: .get) { response in
                let list = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]]
                #expect(list?.count == 1)
                #expect(list?.first?["threshold"] as? Int == 70)
                #expect(list?.first?["value"] as? Int == 72_500)
            }
            try await client.execute(uri: "/api/alerts?state=resolved", method: .get) { response in
                let list = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]]
                #expect(list?.isEmpty == true)
            }
            try await client.execute(uri: "/api/alerts?state=weg", method: .get) { response in
                let body = try APIErrorBody(response)
                #expect(response.status == .badRequest)
                #expect(
                    body
                        == APIErrorBody(
                            code: "ONGELDIGE_PARAMETER", message: APIErrorTests.wrongValue("/api/alerts?state=weg")))
            }
        }
    }

    @Test func theDashboardShowsTheOverviewAndANormWithItsChart() async throws {
        let server = try server()
        let app = Application(router: try server.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: server.reader) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<a href=\"/normen/7\">Begeleiding</a>"))
                #expect(page.contains("€\u{00A0}725,00"))
                #expect(page.contains("72,50%"))
                #expect(page.contains("drempel 70% bereikt"))
                #expect(!page.contains("http://") && !page.contains("https://"))  // no external assets
            }
            try await client.execute(uri: "/normen/7", method: .get, headers: server.reader) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<svg"))
                #expect(page.contains("class=\"bar\""))
                #expect(page.contains("class=\"threshold\""))
                #expect(page.contains("Prognose voor het eind van de periode"))
            }
        }
    }

    @Test func anUnknownPageIsADutch404PageAndAnUnknownAPIRouteTheErrorBody() async throws {
        let server = try server()
        try await Application(router: try server.router()).test(.router) { client in
            try await client.execute(uri: "/normen/7/onbekend", method: .get, headers: server.reader) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(String(buffer: response.body).contains("<h1>Niet gevonden</h1>"))
            }
            try await client.execute(uri: "/api/normen", method: .get) { response in
                let body = try APIErrorBody(response)
                #expect(response.status == .notFound && body.code == "ROUTE_ONBEKEND")
            }
        }
    }

    @Test func eachClientSystemHasItsOwnTokenAndHealthNeedsNone() async throws {
        let server = try ReporterHTTPServer.forTests(
            database: .inMemory(),
            clients: [
                APIClientToken(name: "bi", token: "bi-geheim", role: .lezer),
                APIClientToken(name: "zaaksysteem", token: "zaak-geheim", role: .contractmanager),
            ])
        #expect(server.clients.map(\.name) == ["bi", "zaaksysteem"])
        try await Application(router: server.router()).test(.router) { client in
            for token in ["bi-geheim", "zaak-geheim"] {
                try await client.execute(uri: "/api/norms", method: .get, headers: [.authorization: "Bearer \(token)"])
                {
                    response in
                    #expect(response.status == .ok, "\(token)")
                }
            }
            for header in ["Bearer bi-geheimx", "Bearer ", "bi-geheim"] {
                try await client.execute(uri: "/api/norms", method: .get, headers: [.authorization: header]) {
                    response in
                    #expect(response.status == .unauthorized, "\(header)")
                    let body = try APIErrorBody(response)
                    #expect(body.code == "TOKEN_ONJUIST")
                }
            }
            try await client.execute(uri: "/gezond", method: .get) { response in #expect(response.status == .ok) }
        }
        // Beyond loopback one client is enough.
        #expect(throws: Never.self) {
            try ReporterHTTPServer.forTests(
                database: .inMemory(), clients: [APIClientToken(name: "bi", token: "t", role: .lezer)],
                address: HostAndPort(host: "0.0.0.0", port: 8080))
        }
    }

    @Test func aTokenIsRequiredWhenConfiguredAndBeyondLoopback() async throws {
        #expect(throws: RuntimeError.self) {
            try ReporterHTTPServer.forTests(database: .inMemory(), address: HostAndPort(host: "0.0.0.0", port: 8080))
        }
        let app = Application(router: try server(token: "geheim").router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/norms", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/norms", method: .get, headers: [.authorization: "Bearer geheim"]) {
                response in
                #expect(response.status == .ok)
            }
        }
    }
}
