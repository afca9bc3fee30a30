import Contracts
import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Messaging
import Testing

@testable import ReporterService

/// "Intensiteit en/of duur": clients in care at one provider for longer than twelve
/// months on the peildatum (30 June 2026), counted by hand.
@Suite struct DurationSignalTests {
    static let july15 = Date(timeIntervalSince1970: TimeInterval(Day(iso: "2026-07-15")!.daysSince1970 * 86_400))

    /// l1–l5: ambulant (45) every month May 2025–June 2026, 14 months: long. s1: July
    /// 2025–June 2026, exactly 12: not longer. b1: all of 2024, then back in January 2026
    /// after twelve months without care: 6 months. x1: January 2025–May 2026, not in care
    /// in June. p1: day treatment (41) January 2025–June 2026, 18 months: long.
    func database() throws -> ReporterDatabase {
        let core = ReporterCore(database: try .inMemory(clock: { Self.july15 }))
        var events: [LoggedEvent] = []
        func care(_ client: String, _ categorie: String, from: String, through: String) throws {
            var month = Month(from)!
            while month <= Month(through)! {
                let line = DeclaredLine(
                    lineID: Int64(events.count + 1), aanbieder: "12345678", gemeente: "0268", client: client,
                    referentieNummer: "R\(events.count + 1)", vorigReferentieNummer: nil,
                    toewijzingNummer: "T-\(client)",
                    productCategorie: categorie, productCode: nil, periodStart: month.firstDay,
                    periodEnd: month.lastDay,
                    volume: 1, eenheid: "04", tariffCents: 1_000, amountCents: 1_000, declaratieNummer: "DN",
                    receivedOn: month.next.firstDay)
                events.append(
                    LoggedEvent(
                        seq: Int64(events.count + 1), kind: LineAccepted.kind.rawValue,
                        body: try LineAccepted(line: line).encoded()))
                month = month.next
            }
        }
        for client in ["l1", "l2", "l3", "l4", "l5"] { try care(client, "45", from: "2025-05", through: "2026-06") }
        try care("s1", "45", from: "2025-07", through: "2026-06")
        try care("b1", "45", from: "2024-01", through: "2024-12")
        try care("b1", "45", from: "2026-01", through: "2026-06")
        try care("x1", "45", from: "2025-01", through: "2026-05")
        try care("p1", "41", from: "2025-01", through: "2026-06")
        try core.intakeSink().apply(events)
        return core.database
    }

    @Test func clientsLongerInCareThanTheSignalAreCounted() async throws {
        let figures = try await database().indicators(period: Period(parsing: "2026-Q2")!, gemeente: "0268")
        #expect(figures.duurSignaalMaanden == 12)
        #expect(figures.zorgsoorten.map { "\($0.categorie) \($0.langdurig)" } == ["41 <5", "45 5"])
        #expect(figures.totaal.langdurig == "6")
        // With the signal at nine months s1 (twelve months) counts too; b1 (six) still not.
        var nine = try database()
        nine.durationSignalMonths = 9
        let shorter = try await nine.indicators(period: Period(parsing: "2026-Q2")!, gemeente: "0268")
        #expect(shorter.zorgsoorten.first { $0.categorie == "45" }?.langdurig == "6")
    }

    @Test func theReportShowsTheSignal() async throws {
        let server = try ReporterHTTPServer.forTests(database: try database())
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/api/rapport?gemeente=0268&periode=2026-Q2&formaat=csv", method: .get) {
                response in
                let lines = String(buffer: response.body).components(separatedBy: "\r\n")
                #expect(lines.contains("Langer dan 12 maanden bij dezelfde aanbieder in zorg"))
                #expect(lines.contains("45;Jeugdhulp ambulant;5"))
            }
        }
    }

    @Test func theReportJSONCarriesTheSignal() async throws {
        let server = try ReporterHTTPServer.forTests(database: try database())
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/api/rapport?gemeente=0268&periode=2026-Q2&formaat=json", method: .get) {
                response in
                let indicators = try #require(try APIJSON.object(response)["indicators"] as? [String: Any])
                #expect(indicators["durationSignalMonths"] as? Int == 12)
                let careTypes = try #require(indicators["careTypes"] as? [[String: Any]])
                #expect(
                    careTypes.map { "\($0["category"] as? String ?? "?") \(APIJSON.count($0["longCare"]) ?? "?")" }
                        == ["41 <5", "45 5"])
                #expect(APIJSON.count((indicators["total"] as? [String: Any])?["longCare"]) == "6")
            }
        }
    }
}
