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

/// The measures of use for a quarter, with exact figures and small counts as "<5".
@Suite struct IndicatorTests {
    func line(_ id: Int64, client: String, categorie: String, month: Int, cents: Int64, volume: Int64) -> DeclaredLine {
        let m = Month(year: 2026, month: month)!
        return DeclaredLine(
            lineID: id, aanbieder: "12345678", gemeente: "0268", client: client, referentieNummer: "R\(id)",
            vorigReferentieNummer: nil, toewijzingNummer: "T-\(client)", productCategorie: categorie,
            productCode: nil, periodStart: m.firstDay, periodEnd: m.lastDay, volume: volume, eenheid: "04",
            tariffCents: cents / volume, amountCents: cents, declaratieNummer: "DN", receivedOn: m.next.firstDay)
    }

    func stop(client: String, begin: String, end: String, reden: String) -> CareStopped {
        CareStopped(
            gemeente: "0268", aanbieder: "12345678", client: client, toewijzingNummer: "T-\(client)",
            begindatum: Day(iso: begin)!, einddatum: Day(iso: end)!, redenBeeindiging: reden, withdrawn: false,
            productCategorie: "45")
    }

    func core() throws -> ReporterCore {
        let core = ReporterCore(database: try .inMemory())
        var events: [LoggedEvent] = []
        var seq: Int64 = 0
        func add<E: EventBody>(_ body: E) throws {
            seq += 1
            events.append(LoggedEvent(seq: seq, kind: E.kind.rawValue, body: try body.encoded()))
        }
        // Six clients in ambulant care (45): a–f, each 4 hours in April (€ 100,00 each);
        // a–c also in June. Client z was already in care in January (not new in Q2).
        for (i, client) in ["a", "b", "c", "d", "e", "f"].enumerated() {
            try add(
                LineAccepted(
                    line: line(Int64(i + 1), client: client, categorie: "45", month: 4, cents: 10_000, volume: 4)))
        }
        for (i, client) in ["a", "b", "c"].enumerated() {
            try add(
                LineAccepted(
                    line: line(Int64(i + 10), client: client, categorie: "45", month: 6, cents: 5_000, volume: 2)))
        }
        try add(LineAccepted(line: line(20, client: "z", categorie: "45", month: 1, cents: 10_000, volume: 4)))
        try add(LineAccepted(line: line(21, client: "z", categorie: "45", month: 5, cents: 10_000, volume: 4)))
        // Two in day treatment (41): small numbers.
        try add(LineAccepted(line: line(30, client: "p", categorie: "41", month: 5, cents: 30_000, volume: 3)))
        try add(LineAccepted(line: line(31, client: "q", categorie: "41", month: 5, cents: 30_000, volume: 3)))
        // Five trajectories ended in Q2 (two within six months), one temporary stop.
        try add(stop(client: "d", begin: "2026-01-10", end: "2026-04-30", reden: "31"))
        try add(stop(client: "e", begin: "2025-06-01", end: "2026-05-31", reden: "31"))
        try add(stop(client: "f", begin: "2026-03-01", end: "2026-05-15", reden: "33"))
        try add(stop(client: "z", begin: "2025-01-01", end: "2026-06-30", reden: "36"))
        try add(stop(client: "y", begin: "2025-09-01", end: "2026-04-15", reden: "31"))
        try add(stop(client: "x", begin: "2026-04-01", end: "2026-04-20", reden: "20"))
        // Referrals: four by the huisarts (02), two by the gemeente (01).
        for (i, type) in ["02", "02", "01", "02", "01", "02"].enumerated() {
            try add(
                ReferralRequested(
                    gemeente: "0268", aanbieder: "12345678", client: "r\(i)", referentieAanbieder: "REF\(i)",
                    productCategorie: "45", productCode: nil, toewijzingIngangsdatum: Day(iso: "2026-05-01")!,
                    verwijzerType: type))
        }
        try core.intakeSink().apply(events)
        return core
    }

    @Test func aQuarterHasItsInflowOutflowStandCostsDurationsReasonsAndReferrers() async throws {
        let figures = try await core().database.indicators(period: Period(parsing: "2026-Q2")!, gemeente: "0268")
        let ambulant = try #require(figures.zorgsoorten.first { $0.categorie == "45" })
        #expect(ambulant.naam == "Jeugdhulp ambulant")
        #expect(ambulant.instroom == "6")  // a–f; z was in care in January
        #expect(ambulant.uitstroom == "5")  // d, e, f, y, z (x only paused)
        #expect(ambulant.uniekeClienten == "7")  // a–f and z
        #expect(ambulant.stand == "<5")  // a, b, c in June
        #expect(ambulant.kosten == 6 * 10_000 + 3 * 5_000 + 10_000)
        #expect(ambulant.kostenPerClient == Int64(85_000) / 7)
        #expect(ambulant.volumePerClient == "4,8")  // (24 + 6 + 4) / 7 = 4.857…
        let dayCare = try #require(figures.zorgsoorten.first { $0.categorie == "41" })
        #expect(dayCare.uniekeClienten == "<5" && dayCare.kostenPerClient == nil && dayCare.volumePerClient == nil)
        #expect(figures.totaal.uniekeClienten == "9")
        #expect(figures.trajecten.beeindigd == "5")
        #expect(figures.trajecten.aandeelBinnenZesMaanden == "40,0%")  // d (111 days), f (76 days)
        #expect(figures.redenenBeeindiging.map { "\($0.code)=\($0.aantal)" } == ["31=<5", "33=<5", "36=<5"])
        // Two and four of six: each share would give its count away, so neither is shown.
        #expect(figures.verwijzers.map { "\($0.code)=\($0.aantal) \($0.aandeel)" } == ["01=<5 –", "02=<5 –"])
    }

    @Test func theAPIAnswersForAPeriodAndRefusesABadOne() async throws {
        let server = try ReporterHTTPServer.forTests(database: try core().database)
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/api/indicators?periode=2026-Q2&gemeente=0268", method: .get) { response in
                #expect(response.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["period"] as? String == "2026-Q2")
                #expect((json?["total"] as? [String: Any])?["uniqueClients"] as? Int == 9)
            }
            try await client.execute(uri: "/api/indicators?periode=Q2", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}
