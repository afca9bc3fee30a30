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

/// The timeline from monitor's and notifier's logs: on the norm page, on /tijdlijn and
/// as JSON; a rebuild gives the same entries.
@Suite struct TimelineTests {
    let at = Date(timeIntervalSince1970: 1_775_000_000)

    func feed(_ core: ReporterCore) throws {
        try ReadModelTests().feed(core)  // norm 7, alert 3 at 70%
        try core.monitorSink().apply([
            LoggedEvent(
                seq: 3, kind: StopImposed.kind.rawValue,
                body: try StopImposed(
                    stopID: 1, normID: 7, aanbieder: "12345678", by: "J. de Vries", reason: "analysegesprek",
                    at: at.addingTimeInterval(60)
                ).encoded())
        ])
        try core.notifierSink().apply([
            LoggedEvent(
                seq: 1, kind: AlertAcknowledged.kind.rawValue,
                body: try AlertAcknowledged(
                    alertID: 3, normID: 7, by: "J. de Vries", note: "gesprek 3 maart", at: at.addingTimeInterval(30)
                ).encoded()),
            LoggedEvent(
                seq: 2, kind: AlertEscalated.kind.rawValue,
                body: try AlertEscalated(alertID: 3, normID: 7, to: ["beleid@x.example"], at: at.addingTimeInterval(90))
                    .encoded()),
        ])
    }

    @Test func theTimelineShowsAlertsAcknowledgementsStopsAndEscalations() async throws {
        let core = ReporterCore(database: try .inMemory())
        try feed(core)
        let entries = try await core.database.timeline(normID: 7)
        #expect(
            entries.map(\.summary) == [
                "Melding 3 niet op tijd bevestigd: geëscaleerd",
                "Toeleidingsstop opgelegd door J. de Vries: analysegesprek",
                "Melding 3 bevestigd door J. de Vries: gesprek 3 maart",
                "Drempel 70% bereikt (stand), melding 3",
            ])
        #expect(!entries.map(\.summary).joined().contains("beleid@"))  // addresses stay in notifier
        let server = try ReporterHTTPServer.forTests(database: core.database)
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/normen/7", method: .get, headers: server.reader) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<h2>Tijdlijn</h2>"))
                #expect(page.contains("Toeleidingsstop opgelegd door J. de Vries: analysegesprek"))
            }
            try await client.execute(uri: "/tijdlijn", method: .get, headers: server.reader) { response in
                #expect(String(buffer: response.body).contains("<a href=\"/normen/7\">norm 7</a>"))
            }
            try await client.execute(uri: "/api/timeline?norm=7", method: .get) { response in
                let list = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]]
                #expect(list?.count == 4)
                // Moments in ISO 8601 with a time zone, as openapi.yaml says (date-time).
                #expect((list?.first?["at"] as? String).flatMap { try? Date($0, strategy: .iso8601) } != nil)
            }
            try await client.execute(uri: "/api/timeline?norm=zeven", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func aReplayWritesEachEntryOnce() async throws {
        let core = ReporterCore(database: try .inMemory())
        try feed(core)
        let before = try await core.database.timeline(normID: nil)
        // The same events again (the cursors are past them, as after a crash between
        // applying and acknowledging): nothing new.
        try feed(core)
        #expect(try await core.database.timeline(normID: nil) == before)
    }
}
