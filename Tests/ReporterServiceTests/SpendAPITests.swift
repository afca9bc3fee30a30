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

/// `GET /api/spend` with exact figures for each filter.
@Suite struct SpendAPITests {
    func app() throws -> some ApplicationProtocol { try appAndServer().app }

    /// The application and its server (for a logged-in browser's cookie).
    func appAndServer() throws -> (app: some ApplicationProtocol, server: ReporterHTTPServer) {
        let core = ReporterCore(database: try .inMemory())
        let fixtures = ReadModelTests()
        try fixtures.feed(core)
        var other = fixtures.line(9, cents: 10_000)
        other.aanbieder = "99999999"
        other.gemeente = "0209"
        other.productCategorie = "41"
        try core.intakeSink().apply([
            LoggedEvent(seq: 4, kind: LineAccepted.kind.rawValue, body: try LineAccepted(line: other).encoded())
        ])
        let server = try ReporterHTTPServer.forTests(database: core.database)
        return (Application(router: try server.router()), server)
    }

    func get(_ client: some TestClientProtocol, _ uri: String) async throws -> (HTTPResponse.Status, [String: Any]) {
        try await client.execute(uri: uri, method: .get) { response in
            (
                response.status,
                try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
            )
        }
    }

    func slices(_ json: [String: Any], _ key: String) -> [String] {
        (json[key] as? [[String: Any]] ?? []).map { "\($0["key"] ?? "")=\($0["amount"] ?? "")" }
    }

    @Test func spendIsSummedByMonthProviderAndCategory() async throws {
        try await app().test(.router) { client in
            let (status, all) = try await get(client, "/api/spend")
            #expect(status == .ok)
            // April: 50,000 − 7,500 credit + 10,000 other provider; May: 30,000.
            #expect(all["total"] as? Int == 82_500)
            #expect(slices(all, "months") == ["2026-04=52500", "2026-05=30000"])
            #expect(slices(all, "providers") == ["12345678=72500", "99999999=10000"])
            #expect(slices(all, "categories") == ["45=72500", "41=10000"])

            let (_, nijmegen) = try await get(client, "/api/spend?gemeente=0268&categorie=45&van=2026-05&tot=2026-05")
            #expect(nijmegen["total"] as? Int == 30_000)
            #expect(slices(nijmegen, "months") == ["2026-05=30000"])
            let (_, provider) = try await get(client, "/api/spend?aanbieder=99999999")
            #expect(provider["total"] as? Int == 10_000)
            let (_, none) = try await get(client, "/api/spend?van=2027-01")
            #expect(none["total"] as? Int == 0)
            #expect(slices(none, "months").isEmpty)
        }
    }

    @Test func aBadFilterIsA400WithTheReason() async throws {
        try await app().test(.router) { client in
            for (uri, reason) in [
                ("/api/spend?van=april", "van moet een maand zijn: JJJJ-MM"),
                ("/api/spend?gemeente=268", "gemeente moet een CBS-code van 4 cijfers zijn"),
                ("/api/spend?van=2026-05&tot=2026-04", "tot ligt voor van"),
                ("/api/spend?aanbieder=x", "aanbieder moet een AGB-code van 8 cijfers zijn"),
            ] {
                let (status, json) = try await get(client, uri)
                #expect(status == .badRequest, "\(uri)")
                #expect(json["code"] as? String == "ONGELDIGE_PARAMETER", "\(uri): \(json)")
                #expect(json["message"] as? String == reason, "\(uri): \(json)")
            }
        }
    }
}

/// The dashboard's provider and care-type pages.
@Suite struct SlicePagesTests {
    @Test func providerAndCareTypePagesShowTheirNormsAndSpend() async throws {
        let (app, server) = try SpendAPITests().appAndServer()
        try await app.test(.router) { client in
            try await client.execute(uri: "/aanbieders/12345678", method: .get, headers: server.reader) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(page.contains("<a href=\"/normen/7\">Begeleiding</a>"))
                #expect(page.contains("<tr><td>2026-04</td><td class=\"num\">€\u{00A0}425,00</td></tr>"))
                #expect(page.contains("<a href=\"/zorgsoorten/45\">"))
                #expect(page.contains("Totaal €\u{00A0}725,00"))
            }
            try await client.execute(uri: "/zorgsoorten/41", method: .get, headers: server.reader) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<a href=\"/aanbieders/99999999\">99999999</a>"))
                #expect(page.contains("Totaal €\u{00A0}100,00"))
                #expect(page.contains("Geen normen."))
            }
            try await client.execute(uri: "/", method: .get, headers: server.reader) { response in
                #expect(String(buffer: response.body).contains("<a href=\"/aanbieders/12345678\">12345678</a>"))
            }
            try await client.execute(uri: "/aanbieders/abc", method: .get, headers: server.reader) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
