import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ReporterService

/// Every error of the API is `{code, message}` with a stable code and a Dutch message
/// (openapi.yaml `ErrorBody`), whether a handler, the generated code, the token check or
/// the router refuses.
@Suite struct APIErrorTests {
    func app(token: String? = nil) throws -> some ApplicationProtocol {
        let server = try ReporterHTTPServer.forTests(
            database: .inMemory(), token: token, regions: ["Rijk van Nijmegen": ["0268", "0209"]])
        return Application(router: try server.router())
    }

    @Test func anUnknownRouteUnderTheAPIIsA404WithTheErrorBody() async throws {
        try await app().test(.router) { client in
            for uri in ["/api/onbekend", "/api/norms/7/meldingen", "/api/"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    let body = try APIErrorBody(response)
                    #expect(body.code == "ROUTE_ONBEKEND" && body.message.contains(uri), "\(uri)")
                }
            }
            // Every route of the API reads: another method is refused the same way.
            try await client.execute(uri: "/api/norms", method: .post) { response in
                let body = try APIErrorBody(response)
                #expect(response.status == .notFound)
                #expect(body == APIErrorBody(code: "ROUTE_ONBEKEND", message: "onbekende route: POST /api/norms"))
            }
        }
    }

    /// What the generated code refuses (a value of the wrong type) names the request; the
    /// runtime does not say which parameter it was.
    static func wrongValue(_ uri: String) -> String {
        "een parameter heeft een ongeldige waarde: \(uri) (openapi.yaml noemt de geldige waarden)"
    }

    @Test func aRequestThatDoesNotFitTheSpecIsA400InDutch() async throws {
        try await app().test(.router) { client in
            let cases: [(String, String)] = [
                ("/api/indicators", "parameter periode ontbreekt"),
                ("/api/indicators?periode=Q2", "periode moet JJJJ, JJJJ-H1, JJJJ-Q2 of JJJJ-MM zijn"),
                ("/api/indicators?periode=2026&peildatum=morgen", "peildatum moet een datum zijn: JJJJ-MM-DD"),
                ("/api/norms/zeven", Self.wrongValue("/api/norms/zeven")),
                ("/api/timeline?norm=zeven", Self.wrongValue("/api/timeline?norm=zeven")),
                ("/api/rapport?periode=2026&formaat=pdf", Self.wrongValue("/api/rapport?periode=2026&formaat=pdf")),
                ("/api/rapport?periode=2026&basisjaar=1990", "basisjaar moet een jaartal zijn, bijvoorbeeld 2024"),
                (
                    "/api/rapport?periode=2026-07",
                    "periode moet een jaar, halfjaar of kwartaal zijn: JJJJ, JJJJ-H1 of JJJJ-Q3"
                ),
            ]
            for (uri, message) in cases {
                try await client.execute(uri: uri, method: .get) { response in
                    let body = try APIErrorBody(response)
                    #expect(response.status == .badRequest, "\(uri)")
                    #expect(body == APIErrorBody(code: "ONGELDIGE_PARAMETER", message: message), "\(uri)")
                }
            }
        }
    }

    @Test func anUnknownRegioIsA404WithItsOwnCode() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/rapport?regio=Holland%20Rijnland&periode=2026", method: .get) {
                response in
                let body = try APIErrorBody(response)
                #expect(response.status == .notFound)
                #expect(
                    body
                        == APIErrorBody(
                            code: "REGIO_ONBEKEND",
                            message: "regio Holland Rijnland is onbekend; ingesteld: Rijk van Nijmegen"))
            }
        }
    }

    @Test func aMissingTokenIsRefusedBeforeAnyRoute() async throws {
        try await app(token: "geheim").test(.router) { client in
            for uri in ["/api/norms", "/api/onbekend", "/api/indicators"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let body = try APIErrorBody(response)
                    #expect(response.status == .unauthorized, "\(uri)")
                    #expect(body.code == "TOKEN_ONJUIST", "\(uri)")
                }
            }
        }
    }
}
