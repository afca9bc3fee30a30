import Contracts
import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Messaging
import Testing

@testable import ReporterService

/// The PxQ forecast beside the run-rate on a norm's figures, from allocations received
/// and the tariffs last declared; computed by hand on 20 May 2026.
@Suite struct PxQForecastFiguresTests {
    static let may20 = Date(timeIntervalSince1970: TimeInterval(Day(iso: "2026-05-20")!.daysSince1970 * 86_400))

    static let norm = NormDefinition(
        id: 1, name: "Begeleiding", kind: .bestedingsruimte,
        scope: NormScope(gemeenten: ["0268"], aanbieder: "12345678", productCategorieen: ["45"]),
        period: .year(2026), limit: 2_000_000)

    func allocation(_ client: String, product: String, start: String, end: String?, volume: Int64, frequentie: String)
        -> AllocationReceived
    {
        AllocationReceived(
            gemeente: "0268", aanbieder: "12345678", client: client, toewijzingNummer: "T-\(client)",
            productCategorie: "45", productCode: product, toewijzingsdatum: Day(iso: start)!,
            ingangsdatum: Day(iso: start)!, einddatum: end.flatMap { Day(iso: $0) }, redenWijziging: nil,
            volume: volume, eenheid: "04", frequentie: frequentie, budgetCents: nil)
    }

    /// a: 10 hours of 45A03 a month at € 100, declared January–April (€ 1.000 a month),
    /// allocated until 30 June. b: 2 hours a week of 45A03 from 1 June, open-ended. c: 45A04,
    /// never declared, so no tariff.
    func database() throws -> ReporterDatabase {
        let core = ReporterCore(database: try .inMemory(clock: { Self.may20 }))
        try core.monitorSink().apply([
            LoggedEvent(
                seq: 1, kind: NormChanged.kind.rawValue,
                body: try NormChanged(change: .added, norm: Self.norm, by: "test", at: Self.may20).encoded())
        ])
        var events: [LoggedEvent] = []
        func add<E: EventBody>(_ body: E) throws {
            events.append(LoggedEvent(seq: Int64(events.count + 1), kind: E.kind.rawValue, body: try body.encoded()))
        }
        for month in 1...4 {
            let m = Month(year: 2026, month: month)!
            try add(
                LineAccepted(
                    line: DeclaredLine(
                        lineID: Int64(month), aanbieder: "12345678", gemeente: "0268", client: "a",
                        referentieNummer: "R\(month)", vorigReferentieNummer: nil, toewijzingNummer: "T-a",
                        productCategorie: "45", productCode: "45A03", periodStart: m.firstDay, periodEnd: m.lastDay,
                        volume: 10, eenheid: "04", tariffCents: 10_000, amountCents: 100_000, declaratieNummer: "DN",
                        receivedOn: m.next.firstDay)))
        }
        try add(allocation("a", product: "45A03", start: "2026-01-01", end: "2026-06-30", volume: 10, frequentie: "4"))
        try add(allocation("b", product: "45A03", start: "2026-06-01", end: nil, volume: 2, frequentie: "2"))
        try add(allocation("c", product: "45A04", start: "2026-02-01", end: nil, volume: 5, frequentie: "4"))
        try core.intakeSink().apply(events)
        return core.database
    }

    @Test func thePxQForecastStandsBesideTheRunRateWithItsInputs() async throws {
        let figures = try #require(try await database().norm(id: 1))
        // Run-rate: January–March complete (April is declared, not yet complete), € 1.000 a
        // month; April at its € 1.000, May–December at the rate: 12 × 1.000.
        #expect(figures.forecast?.projectedTotal == 1_200_000)
        let pxq = try #require(figures.pxqForecast)
        #expect(pxq.fromMonth == "2026-04")
        #expect(pxq.declared == 300_000)  // January–March
        #expect(pxq.clientsInCare == 1)  // a; b starts in June
        #expect(pxq.allocatedPerMonth == 100_000)  // 10 × € 100
        // a: April–June 3 × 1.000 (9 × 1.000 had it run to December); b: 1 June–31 December,
        // 214 days × 2 × € 100 / 7 = € 6.114,28 (rounded down).
        #expect(pxq.gross == 900_000 + 611_428)
        #expect(pxq.expectedOutflow == 600_000)
        #expect(pxq.endingAllocations == 1)
        #expect(pxq.withoutTariff == 1)  // c
        #expect(pxq.projectedTotal == 300_000 + 300_000 + 611_428)
    }

    @Test func theReportAndTheNormPageShowBoth() async throws {
        let database = try database()
        let report = try await database.report(area: .gemeente("0268"), period: .year(2026))
        #expect(report.normen.first?.prognose == 1_200_000)
        #expect(report.normen.first?.prognosePxQ == 1_211_428)
        let server = try ReporterHTTPServer.forTests(database: database)
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/api/rapport?gemeente=0268&periode=2026", method: .get) { response in
                #expect(String(buffer: response.body).contains("; P×Q \(Money(cents: 1_211_428).dutch)"))
            }
        }
        let page = DashboardPages.norm(try #require(try await database.norm(id: 1)))
        // The dashboard keeps "€" and its amount together (a no-break space).
        #expect(page.contains("Prognose uit de toewijzingen (P×Q): <strong>€\u{a0}12.114,28</strong>"))
        #expect(page.contains("min verwachte uitstroom €\u{a0}6.000,00 (1 toewijzing(en) met een einddatum"))
    }

    /// The API carries the PxQ forecast with every input on one norm (not in the list) and
    /// its projected total on the report's norm; one client in care is "<5".
    @Test func theAPIGivesThePxQForecastWithItsInputs() async throws {
        let server = try ReporterHTTPServer.forTests(database: try database())
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/api/norms/1", method: .get) { response in
                let norm = try APIJSON.object(response)
                let pxq = try #require(norm["pxqForecast"] as? [String: Any])
                #expect(pxq["method"] as? String == "pxq")
                #expect(pxq["fromMonth"] as? String == "2026-04")
                #expect(pxq["declared"] as? Int == 300_000)
                #expect(pxq["clientsInCare"] as? String == "<5")
                #expect(pxq["allocatedPerMonth"] as? Int == 100_000)
                #expect(pxq["gross"] as? Int == 1_511_428)
                #expect(pxq["endingAllocations"] as? Int == 1)
                #expect(pxq["expectedOutflow"] as? Int == 600_000)
                #expect(pxq["withoutTariff"] as? Int == 1)
                #expect(pxq["projectedTotal"] as? Int == 1_211_428)
                #expect((norm["forecast"] as? [String: Any])?["projectedTotal"] as? Int == 1_200_000)
            }
            try await client.execute(uri: "/api/norms", method: .get) { response in
                let list = try #require(
                    try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                #expect(list.count == 1 && list.first?["pxqForecast"] == nil)
            }
            try await client.execute(uri: "/api/rapport?gemeente=0268&periode=2026&formaat=json", method: .get) {
                response in
                let norms = try #require(try APIJSON.object(response)["norms"] as? [[String: Any]])
                #expect(norms.first?["forecast"] as? Int == 1_200_000)
                #expect(norms.first?["pxqForecast"] as? Int == 1_211_428)
            }
        }
    }
}
