import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ReporterService

/// A query parameter an API route does not have is refused, not skipped: skipped, a
/// `regio` on `/api/spend` or a misspelt `gemeente` answered with the whole installation's
/// figures as if filtered.
@Suite struct UnknownQueryParameterTests {
    func app() throws -> some ApplicationProtocol {
        let server = try ReporterHTTPServer.forTests(
            database: .inMemory(), regions: ["Rijk van Nijmegen": ["0268", "0209"]])
        return Application(router: try server.router())
    }

    @Test func aParameterTheRouteDoesNotHaveIsA400NamingWhatItHas() async throws {
        let cases: [(String, String)] = [
            (
                "/api/spend?regio=Rijk%20van%20Nijmegen",
                "onbekende parameter regio; deze route kent: gemeente, aanbieder, categorie, van, tot"
            ),
            ("/api/norms?gemeete=0268", "onbekende parameter gemeete; deze route kent: gemeente, pagina, per_pagina"),
            (
                "/api/alerts?state=firing&regio=x",
                "onbekende parameter regio; deze route kent: state, gemeente, pagina, per_pagina"
            ),
            ("/api/norms/1?gemeente=0268", "onbekende parameter gemeente; deze route kent: geen parameters"),
            (
                "/api/indicators?periode=2026&aanbieder=12345678",
                "onbekende parameter aanbieder; deze route kent: periode, gemeente, regio, peildatum"
            ),
            ("/api/timeline?norm=1&per_pagina=5", "onbekende parameter per_pagina; deze route kent: norm"),
            (
                "/api/rapport?periode=2026&formaat=csv&jaar=2025",
                "onbekende parameter jaar; deze route kent: gemeente, regio, periode, formaat, peildatum, basisjaar, prijsindex, basisprijsindex"
            ),
        ]
        try await app().test(.router) { client in
            for (uri, message) in cases {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    let body = try APIErrorBody(response)
                    #expect(body == APIErrorBody(code: "ONGELDIGE_PARAMETER", message: message), "\(uri)")
                }
            }
        }
    }

    /// Every parameter the spec gives a route still reaches it (encoded names too).
    @Test func theRoutesOwnParametersAreNotRefused() async throws {
        let uris = [
            "/api/spend?gemeente=0268&aanbieder=&categorie=45&van=2026-01&tot=2026-03",
            "/api/norms?gemeente=0268&pagina=1&per%5Fpagina=10",
            "/api/alerts?state=firing&gemeente=0268&pagina=1&per_pagina=10",
            "/api/indicators?periode=2026&regio=Rijk%20van%20Nijmegen&peildatum=2026-06-30",
            "/api/timeline?norm=1",
            "/api/rapport?gemeente=0268&periode=2026&formaat=json&peildatum=2026-06-30&basisjaar=2025&prijsindex=3,2&basisprijsindex=7,5",
        ]
        try await app().test(.router) { client in
            for uri in uris {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri): \(String(buffer: response.body))")
                }
            }
        }
    }

    /// The middleware's table is the spec's: each operation's query parameters as
    /// `openapi.yaml` lists them, in its order (a parameter added to the spec and not here
    /// would be refused; one dropped from the spec and kept here would be accepted).
    @Test func theTableOfParametersIsTheSpecs() throws {
        let spec = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../Services/Reporter/openapi.yaml")
        let fromSpec = try Self.queryParameters(yaml: String(contentsOf: spec, encoding: .utf8))
        #expect(fromSpec.count == 7)
        #expect(fromSpec == KnownQueryParameters.byOperation)
    }

    /// The query parameters per operation id, read from the spec's lines: `- name:` with
    /// `in: query` below it, or a `$ref` to `components/parameters`.
    static func queryParameters(yaml: String) throws -> [String: [String]] {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func value(_ line: String, after key: String) -> String? {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(key) else { return nil }
            return String(trimmed.dropFirst(key.count)).trimmingCharacters(in: CharacterSet(charactersIn: " '\""))
        }
        // components.parameters: the key of each to its name and place.
        var shared: [String: (name: String, query: Bool)] = [:]
        if let start = lines.firstIndex(of: "  parameters:") {
            var key: String?
            for line in lines[(start + 1)...] {
                if !line.hasPrefix("    ") && !line.isEmpty { break }
                if line.hasPrefix("    ") && !line.hasPrefix("     ") {
                    key = line.trimmingCharacters(in: .whitespaces).dropLast().description
                }
                if let key, let name = value(line, after: "name:") { shared[key] = (name, false) }
                if let key, value(line, after: "in:") == "query" { shared[key]?.query = true }
            }
        }
        var result: [String: [String]] = [:]
        var operation: String?
        var pending: String?
        for line in lines.prefix(while: { $0 != "components:" }) {
            if let id = value(line, after: "operationId:") {
                operation = id
                result[id] = []
            }
            guard let operation else { continue }
            if let name = value(line, after: "- name:") { pending = name }
            if let place = value(line, after: "in:") {
                if place == "query", let name = pending { result[operation]!.append(name) }
                pending = nil
            }
            if let reference = value(line, after: "- $ref: '#/components/parameters/") {
                let key = String(reference.prefix { $0 != "'" })
                let parameter = try #require(shared[key], "components.parameters.\(key)")
                if parameter.query { result[operation]!.append(parameter.name) }
            }
        }
        return result
    }
}
