import Contracts
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Messaging
import Runtime
import Testing

@testable import ReporterService

/// The overview and `/api/norms` in pages: a country's 10,000 norms are not one answer.
@Suite struct NormPagingTests {
    /// Seven norms (ids 1…7); the odd ones are Nijmegen's (0268), the even ones Utrecht's.
    func server() throws -> ReporterHTTPServer {
        let core = ReporterCore(database: try .inMemory())
        let base = ReadModelTests().norm
        try core.monitorSink().apply(
            try (1...7).map { id in
                var norm = base
                norm.id = Int64(id)
                norm.name = "Norm \(id)"
                norm.scope.gemeenten = [id % 2 == 1 ? "0268" : "0344"]
                return LoggedEvent(
                    seq: Int64(id), kind: NormChanged.kind.rawValue,
                    body: try NormChanged(change: .added, norm: norm, by: "test", at: Date(timeIntervalSince1970: 0))
                        .encoded())
            })
        return try ReporterHTTPServer.forTests(database: core.database)
    }

    @Test func theAPIPagesNormsInIdOrderWithLinksToTheOthers() async throws {
        let server = try server()
        let app = Application(router: try server.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/norms?per_pagina=3", method: .get) { response in
                #expect(listedIDs(response) == [1, 2, 3])
                #expect(response.headers[HTTPField.Name("X-Total-Count")!] == "7")
                #expect(
                    response.headers[HTTPField.Name("Link")!]
                        == "</api/norms?pagina=2&per_pagina=3>; rel=\"next\", </api/norms?pagina=3&per_pagina=3>; rel=\"last\""
                )
            }
            try await client.execute(uri: "/api/norms?per_pagina=3&pagina=3", method: .get) { response in
                #expect(listedIDs(response) == [7])
                #expect(
                    response.headers[HTTPField.Name("Link")!]
                        == "</api/norms?pagina=2&per_pagina=3>; rel=\"prev\", </api/norms?pagina=3&per_pagina=3>; rel=\"last\""
                )
            }
            try await client.execute(uri: "/api/norms?per_pagina=3&pagina=4", method: .get) { response in
                #expect(response.status == .ok)
                #expect(listedIDs(response) == [])
            }
            // One gemeente's norms are paged among themselves, and the links keep the gemeente.
            try await client.execute(uri: "/api/norms?gemeente=0268&per_pagina=2&pagina=2", method: .get) { response in
                #expect(listedIDs(response) == [5, 7])
                #expect(response.headers[HTTPField.Name("X-Total-Count")!] == "4")
                #expect(
                    response.headers[HTTPField.Name("Link")!]?.contains(
                        "</api/norms?gemeente=0268&pagina=1&per_pagina=2>; rel=\"prev\"") == true)
            }
            // Without parameters: the first 500, here all seven.
            try await client.execute(uri: "/api/norms", method: .get) { response in
                #expect(listedIDs(response) == Array(1...7))
            }
            let reader = server.reader
            for uri in [
                "/api/norms?pagina=0", "/api/norms?per_pagina=0", "/api/norms?per_pagina=501",
                "/api/alerts?per_pagina=501", "/api/alerts?pagina=0", "/?pagina=x",
                "/api/norms?pagina=9223372036854775807&per_pagina=2", "/?pagina=5000000000000000000",
                "/api/norms?gemeente=%D9%A0%D9%A2%D9%A6%D9%A8", "/api/norms?pagina=x", "/api/alerts?per_pagina=1e3",
            ] {
                try await client.execute(uri: uri, method: .get, headers: reader) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    if uri.hasPrefix("/api/") {
                        let body = try APIErrorBody(response)
                        #expect(body.code == "ONGELDIGE_PARAMETER", "\(uri)")
                    }
                }
            }
        }
    }

    @Test func theOverviewShowsOnePageAndLinksToTheNextAndPrevious() async throws {
        let server = try server()
        let app = Application(router: try server.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/?per_pagina=3&pagina=2", method: .get, headers: server.reader) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("Normen 4–6 van 7"))
                #expect(page.contains("/normen/4") && page.contains("/normen/6"))
                #expect(!page.contains("/normen/3\"") && !page.contains("/normen/7\""))
                #expect(page.contains("href=\"/?pagina=1&amp;per_pagina=3\">vorige</a>"))
                #expect(page.contains("href=\"/?pagina=3&amp;per_pagina=3\">volgende</a>"))
            }
            try await client.execute(uri: "/?gemeente=0344", method: .get, headers: server.reader) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("3 normen"))
                #expect(page.contains("value=\"0344\""))  // the filter stays filled in
                #expect(!page.contains("vorige") && !page.contains("volgende"))
            }
        }
    }

    @Test func alertsCanBeAskedForOneGemeente() async throws {
        let app = Application(router: try HTTPRoutesTests().server().router())
        try await app.test(.router) { client in
            for (gemeente, count) in [("0268", 1), ("0344", 0)] {
                try await client.execute(uri: "/api/alerts?state=firing&gemeente=\(gemeente)", method: .get) {
                    response in
                    let list = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]]
                    #expect(list?.count == count, "gemeente \(gemeente)")
                }
            }
            try await client.execute(uri: "/api/alerts?gemeente=12", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}
