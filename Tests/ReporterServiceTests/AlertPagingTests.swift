import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Messaging
import Runtime
import Testing

@testable import ReporterService

/// `/api/alerts` in pages, newest first: after a year a country has tens of thousands.
@Suite struct AlertPagingTests {
    /// One norm with seven firing alerts (ids 1…7).
    func server() throws -> ReporterHTTPServer {
        let core = ReporterCore(database: try .inMemory())
        let norm = ReadModelTests().norm
        var events = [
            LoggedEvent(
                seq: 1, kind: NormChanged.kind.rawValue,
                body: try NormChanged(change: .added, norm: norm, by: "test", at: Date(timeIntervalSince1970: 0))
                    .encoded())
        ]
        for id in 1...7 {
            events.append(
                LoggedEvent(
                    seq: Int64(1 + id), kind: AlertFiring.kind.rawValue,
                    body: try AlertFiring(
                        alertID: Int64(id), norm: AlertNorm(norm), alertKind: .actual, threshold: 70 + id,
                        value: 72_500, limit: 100_000, forecastValue: nil, forecastCrossing: nil,
                        firedAt: Date(timeIntervalSince1970: TimeInterval(id))
                    ).encoded()))
        }
        try core.monitorSink().apply(events)
        return try ReporterHTTPServer.forTests(database: core.database)
    }

    @Test func alertsComeNewestFirstInPagesWithLinksThatKeepTheFilters() async throws {
        let app = Application(router: try server().router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/alerts?state=firing&per_pagina=3&pagina=2", method: .get) {
                response in
                #expect(listedIDs(response) == [4, 3, 2])
                #expect(response.headers[HTTPField.Name("X-Total-Count")!] == "7")
                #expect(
                    response.headers[HTTPField.Name("Link")!]
                        == "</api/alerts?state=firing&pagina=3&per_pagina=3>; rel=\"next\", "
                        + "</api/alerts?state=firing&pagina=1&per_pagina=3>; rel=\"prev\", "
                        + "</api/alerts?state=firing&pagina=3&per_pagina=3>; rel=\"last\"")
            }
            // Without parameters: the first 500, here all seven.
            try await client.execute(uri: "/api/alerts", method: .get) { response in
                #expect(listedIDs(response) == Array((1...7).reversed()))
            }
            try await client.execute(uri: "/api/alerts?state=resolved", method: .get) { response in
                #expect(listedIDs(response) == [])
                #expect(response.headers[HTTPField.Name("X-Total-Count")!] == "0")
            }
        }
    }
}
