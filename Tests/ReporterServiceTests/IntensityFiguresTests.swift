import Contracts
import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Messaging
import MonitorService
import Storage
import Testing

@testable import ReporterService

/// The read model shows an intensiteitsnorm as monitor judged it: monitor's own log,
/// produced by the real monitor core, replayed into the reporter.
@Suite struct IntensityFiguresTests {
    let april = Month(year: 2026, month: 4)!

    func line(_ id: Int64, client: String, month: Month, hours: Int64) -> DeclaredLine {
        DeclaredLine(
            lineID: id, aanbieder: "12345678", gemeente: "0268", client: client, referentieNummer: "RN\(id)",
            vorigReferentieNummer: nil, toewijzingNummer: "1", productCategorie: "45", productCode: "45A03",
            periodStart: month.firstDay, periodEnd: month.lastDay, volume: hours, eenheid: "04", tariffCents: 10_000,
            amountCents: hours * 10_000, declaratieNummer: "DN", receivedOn: month.next.firstDay)
    }

    @Test func theReporterShowsTheUnlawfulAmountMonitorPublished() async throws {
        let monitor = try MonitorCore(
            database: .inMemory(), clock: { Date(timeIntervalSince1970: 1_775_000_000) }, logger: Logger(label: "t"))
        _ = try monitor.addNorm(
            NormAddRequest(
                name: "VDB", kind: .intensiteitsnorm, gemeenten: ["0268"], aanbieder: nil, productCategorieen: ["45"],
                period: "2026", limit: 18, intensity: IntensityMeasure()))
        let lines = [
            line(1, client: "p-a", month: april, hours: 80), line(2, client: "p-a", month: april.next.next, hours: 90),
            line(3, client: "p-b", month: april, hours: 85),
        ]
        try monitor.intakeSink(afterCommit: {}).apply(
            try lines.enumerated().map { index, line in
                LoggedEvent(
                    seq: Int64(index + 1), kind: LineAccepted.kind.rawValue,
                    body: try LineAccepted(line: line).encoded())
            })
        let published = try OutboxEventSource(reader: monitor.database.writer).events(after: 0, limit: 1_000)
        let reporter = ReporterCore(database: try .inMemory())
        try reporter.monitorSink().apply(published)

        let figures = try #require(try await reporter.database.norm(id: 1))
        // p-a: April 28,666 + June 128,666 structural; p-b: April alone, incidental.
        #expect(figures.spent == 157_332)
        #expect(figures.spent == (try monitor.normStatuses()[0].value))
        #expect(figures.basisPoints == 0)
        #expect(figures.intensity?.clientMonthsAbove == 3)
        #expect(figures.intensity?.structuralClientMonths == 2)
        #expect(figures.months.map(\.month) == ["2026-04", "2026-06"])
        #expect(figures.firingThresholds == [100])
        #expect(
            try await reporter.database.timeline(normID: 1).contains { $0.summary.contains("€ 1.573,32 onrechtmatig") })
        let page = DashboardPages.norm(figures)
        #expect(page.contains("18 uur per cliënt per week"))
        #expect(page.contains("<strong>€\u{00A0}1.573,32</strong>"))
        #expect(page.contains("niet incidenteel boven de norm"))
        // Three client-months above, two structural: published as "<5".
        #expect(page.contains("&lt;5") && !page.contains("boven de norm: 3"))

        // The API publishes them as the dashboard does (issue 22: it once said 3).
        let server = try ReporterHTTPServer.forTests(database: reporter.database)
        try await Application(router: try server.router()).test(.router) { client in
            try await client.execute(uri: "/api/norms/1", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let intensity = json?["intensity"] as? [String: Any]
                #expect(intensity?["clientMonthsAbove"] as? String == "<5")
                #expect(intensity?["structuralClientMonths"] as? String == "<5")
                #expect(intensity?["unit"] as? String == "04" && intensity?["per"] as? String == "week")
                #expect(json?["spent"] as? Int == 157_332, "money is never suppressed")
            }
        }
    }
}
