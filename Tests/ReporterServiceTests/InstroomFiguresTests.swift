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

/// An instroomtarget in the read model: new clients counted as monitor counts them, and
/// published as "<5" below five.
@Suite struct InstroomFiguresTests {
    @Test func newClientsAreCountedAndFewAreShownAsLessThanFive() async throws {
        let core = ReporterCore(database: try .inMemory())
        let fixtures = ReadModelTests()
        let target = NormDefinition(
            id: 8, name: "Instroom De Linde", kind: .instroomtarget,
            scope: NormScope(gemeenten: ["0268"], aanbieder: "12345678", productCategorieen: ["45"]),
            period: .year(2026), limit: 40)
        try core.monitorSink().apply([
            LoggedEvent(
                seq: 1, kind: NormChanged.kind.rawValue,
                body: try NormChanged(change: .added, norm: target, by: nil, at: Date(timeIntervalSince1970: 0))
                    .encoded())
        ])
        let start = CareStarted(
            gemeente: "0268", aanbieder: "12345678", client: "p-9", toewijzingNummer: "9", productCategorie: "45",
            productCode: "45A03", begindatum: Day(iso: "2026-05-02")!, withdrawn: false)
        try core.intakeSink().apply([
            LoggedEvent(
                seq: 1, kind: LineAccepted.kind.rawValue,
                body: try LineAccepted(line: fixtures.line(1, cents: 100)).encoded()),
            LoggedEvent(
                seq: 2, kind: LineAccepted.kind.rawValue,
                body: try LineAccepted(line: fixtures.line(2, cents: 100)).encoded()),
            LoggedEvent(seq: 3, kind: CareStarted.kind.rawValue, body: try start.encoded()),
        ])
        #expect(try await core.database.norm(id: 8)?.spent == 3)  // clients p-1, p-2 (lines) and p-9 (start)
        let server = try ReporterHTTPServer.forTests(database: core.database)
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/normen/8", method: .get, headers: server.reader) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("Besteed <strong>&lt;5</strong> van\n40 (–)"))
                // 3 of 40 would be 7,50%: the percentage would give the count away.
                #expect(!page.contains("7,50%"))
            }
            try await client.execute(uri: "/api/norms/8", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["spent"] as? String == "<5" && json?["percentage"] == nil)
                #expect(json?["suppressed"] as? Bool == true)
                #expect(json?["limit"] as? Int == 40)
            }
        }
    }
}
