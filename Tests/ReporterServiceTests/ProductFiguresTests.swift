import Contracts
import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Messaging
import Testing

@testable import ReporterService

/// Instroom, uitstroom and stand per product inside a care type, and the referrer shares
/// with the gemeente's own teams, computed by hand for the second quarter of 2026.
@Suite struct ProductFiguresTests {
    static let july15 = Date(timeIntervalSince1970: TimeInterval(Day(iso: "2026-07-15")!.daysSince1970 * 86_400))

    func line(_ id: Int64, client: String, product: String, month: Int, cents: Int64) -> DeclaredLine {
        let m = Month(year: 2026, month: month)!
        return DeclaredLine(
            lineID: id, aanbieder: "12345678", gemeente: "0268", client: client, referentieNummer: "R\(id)",
            vorigReferentieNummer: nil, toewijzingNummer: "T-\(client)", productCategorie: "45", productCode: product,
            periodStart: m.firstDay, periodEnd: m.lastDay, volume: 1, eenheid: "04", tariffCents: cents,
            amountCents: cents, declaratieNummer: "DN", receivedOn: m.next.firstDay)
    }

    /// 45A03: a–f in April (€ 100 each), a–e again in June (€ 50 each); z in January and
    /// April (€ 100 each: continuing care, not new). 45A04: g and h in May (€ 200 each),
    /// g in June (€ 200). Starts of care for a–e (45A03) and g (45A04); a–e and g stop in
    /// the quarter, and y, whose start was never reported, too.
    /// Referrals: Regieteam Oost five times, Sociaal Wijkteam once, the huisarts four times.
    func database() throws -> ReporterDatabase {
        let core = ReporterCore(database: try .inMemory(clock: { Self.july15 }))
        var events: [LoggedEvent] = []
        func add<E: EventBody>(_ body: E) throws {
            events.append(LoggedEvent(seq: Int64(events.count + 1), kind: E.kind.rawValue, body: try body.encoded()))
        }
        var id: Int64 = 0
        func declare(_ client: String, _ product: String, _ month: Int, _ cents: Int64) throws {
            id += 1
            try add(LineAccepted(line: line(id, client: client, product: product, month: month, cents: cents)))
        }
        for client in ["a", "b", "c", "d", "e", "f"] { try declare(client, "45A03", 4, 10_000) }
        for client in ["a", "b", "c", "d", "e"] { try declare(client, "45A03", 6, 5_000) }
        try declare("z", "45A03", 1, 10_000)
        try declare("z", "45A03", 4, 10_000)
        try declare("g", "45A04", 5, 20_000)
        try declare("h", "45A04", 5, 20_000)
        try declare("g", "45A04", 6, 20_000)
        let starts = [("a", "45A03"), ("b", "45A03"), ("c", "45A03"), ("d", "45A03"), ("e", "45A03"), ("g", "45A04")]
        for (client, product) in starts {
            try add(
                CareStarted(
                    gemeente: "0268", aanbieder: "12345678", client: client, toewijzingNummer: "T-\(client)",
                    productCategorie: "45", productCode: product, begindatum: Day(iso: "2026-04-01")!,
                    withdrawn: false))
        }
        for client in ["a", "b", "c", "d", "e", "g", "y"] {
            try add(
                CareStopped(
                    gemeente: "0268", aanbieder: "12345678", client: client, toewijzingNummer: "T-\(client)",
                    begindatum: Day(iso: "2026-04-01")!, einddatum: Day(iso: "2026-06-30")!, redenBeeindiging: "31",
                    withdrawn: false, productCategorie: "45"))
        }
        let referrers =
            Array(repeating: ("01", "Regieteam Oost"), count: 5) + [("01", "Sociaal Wijkteam")]
            + Array(repeating: ("02", nil as String?), count: 4)
        for (i, (type, team)) in referrers.enumerated() {
            try add(
                ReferralRequested(
                    gemeente: "0268", aanbieder: "12345678", client: "r\(i)", referentieAanbieder: "REF\(i)",
                    productCategorie: "45", productCode: "45A03", toewijzingIngangsdatum: Day(iso: "2026-05-01")!,
                    verwijzerType: type, verwijzerTeam: team))
        }
        try core.intakeSink().apply(events)
        return core.database
    }

    @Test func instroomUitstroomAndStandPerProduct() async throws {
        let figures = try await database().indicators(period: Period(parsing: "2026-Q2")!, gemeente: "0268")
        let ambulant = try #require(figures.zorgsoorten.first { $0.categorie == "45" })
        let rows = ambulant.producten.map {
            "\($0.code) \($0.instroom) \($0.uitstroom) \($0.stand) \($0.uniekeClienten) \($0.kosten)"
        }
        #expect(
            rows == [
                // y's end of care names no product and its start was never reported.
                " 0 <5 0 0 0",
                // a–f new (z continues from January); a–e ended; a–e in June; a–f and z;
                // 6 × 100 + 5 × 50 + 100 (z in April; January is before the quarter).
                "45A03 6 5 5 7 95000",
                // g and h new; g ended; g in June; g and h; 3 × 200.
                "45A04 <5 <5 <5 <5 60000",
            ])
        // The care type's own figures are the products' together.
        #expect(ambulant.instroom == "8" && ambulant.uitstroom == "7" && ambulant.stand == "6")
        #expect(ambulant.kosten == 95_000 + 60_000)
    }

    /// Five clients move from 45A03 (March) to 45A04 (May), five come back to 45A03 in June
    /// after 14 months away, and five are new in 45A03 in April at two providers at once; one
    /// had 45A05 in October 2025 only. A move inside a care type arrives in the product, not
    /// in the care type (its months are the union of its products'); a product with care in
    /// the window before the period but no arrival in it is no row.
    @Test func aMoveBetweenProductsArrivesInTheProductNotInTheCareType() async throws {
        let core = ReporterCore(database: try .inMemory(clock: { Self.july15 }))
        var events: [LoggedEvent] = []
        var id: Int64 = 0
        func declare(_ client: String, _ product: String, _ year: Int, _ month: Int, aanbieder: String = "12345678")
            throws
        {
            id += 1
            var line = line(id, client: client, product: product, month: month, cents: 10_000)
            let m = Month(year: year, month: month)!
            line.periodStart = m.firstDay
            line.periodEnd = m.lastDay
            line.aanbieder = aanbieder
            events.append(
                LoggedEvent(
                    seq: id, kind: LineAccepted.kind.rawValue, body: try LineAccepted(line: line).encoded()))
        }
        for client in ["s1", "s2", "s3", "s4", "s5"] {
            try declare(client, "45A03", 2026, 3)
            try declare(client, "45A04", 2026, 5)
        }
        for client in ["b1", "b2", "b3", "b4", "b5"] {
            try declare(client, "45A03", 2025, 4)
            try declare(client, "45A03", 2026, 6)
        }
        for aanbieder in ["12345678", "87654321"] {
            for client in ["n1", "n2", "n3", "n4", "n5"] {
                try declare(client, "45A03", 2026, 4, aanbieder: aanbieder)
            }
        }
        try declare("x", "45A05", 2025, 10)
        try core.intakeSink().apply(events)
        let figures = try await core.database.indicators(period: Period(parsing: "2026-Q2")!, gemeente: "0268")
        let ambulant = try #require(figures.zorgsoorten.first { $0.categorie == "45" })
        // The care type: b1–b5 back after a year, n1–n5 new; s1–s5 have had care since March.
        #expect(ambulant.instroom == "10")
        // 45A03: b1–b5 and n1–n5 (s1–s5 arrived in March, before the quarter); 45A04: s1–s5.
        #expect(ambulant.producten.map { "\($0.code) \($0.instroom)" } == ["45A03 10", "45A04 5"])
    }

    @Test func referrerSharesShowTheGemeentesOwnTeamsAndHideSmallGroups() async throws {
        let figures = try await database().indicators(period: Period(parsing: "2026-Q2")!, gemeente: "0268")
        // Ten referrals: Regieteam Oost 5 of 10 = 50,0%; the other two groups are under five,
        // so their share (which would give their count away) is not shown.
        #expect(
            figures.verwijzers.map { "\($0.code) \($0.team ?? "-") \($0.aantal) \($0.aandeel)" } == [
                "01 Regieteam Oost 5 50,0%", "01 Sociaal Wijkteam <5 –", "02 - <5 –",
            ])
    }

    @Test func theReportListsProductsAndTeams() async throws {
        let server = try ReporterHTTPServer.forTests(database: try database())
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/api/rapport?gemeente=0268&periode=2026-Q2", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<td>&#160;&#160;product 45A03</td><td class=\"num\">6</td>"))
                #expect(html.contains("<li>verwijzer 01 · Regieteam Oost: 5 (50,0%)</li>"))
            }
            try await client.execute(uri: "/api/rapport?gemeente=0268&periode=2026-Q2&formaat=csv", method: .get) {
                response in
                let lines = String(buffer: response.body).components(separatedBy: "\r\n")
                #expect(lines.contains("45;product 45A03;6;5;5;7;950,00"))
                #expect(lines.contains("01;Regieteam Oost;5;50,0%"))
            }
        }
    }

    /// The report's JSON: the products under their care type and the referrers with their
    /// teams, counts of one to four as "<5" and no share for a group under five.
    @Test func theReportJSONCarriesProductsAndTeams() async throws {
        let server = try ReporterHTTPServer.forTests(database: try database())
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/api/rapport?gemeente=0268&periode=2026-Q2&formaat=json", method: .get) {
                response in
                let indicators = try #require(try APIJSON.object(response)["indicators"] as? [String: Any])
                let careTypes = try #require(indicators["careTypes"] as? [[String: Any]])
                let ambulant = try #require(careTypes.first { $0["category"] as? String == "45" })
                let products = try #require(ambulant["products"] as? [[String: Any]])
                let rows = products.map { product in
                    ([product["code"] as? String ?? "?"]
                        + ["inflow", "outflow", "inCare", "uniqueClients", "costs"].map {
                            APIJSON.count(product[$0]) ?? "?"
                        }).joined(separator: " ")
                }
                #expect(rows == [" 0 <5 0 0 0", "45A03 6 5 5 7 95000", "45A04 <5 <5 <5 <5 60000"])
                #expect((indicators["total"] as? [String: Any])?["products"] as? [Any] != nil)
                #expect(((indicators["total"] as? [String: Any])?["products"] as? [Any])?.isEmpty == true)
                let referrers = try #require(indicators["referrers"] as? [[String: Any]])
                #expect(referrers.count == 3)
                #expect(referrers.first?["code"] as? String == "01")
                #expect(referrers.first?["team"] as? String == "Regieteam Oost")
                #expect(referrers.first?["count"] as? Int == 5)
                #expect(referrers.first?["percentage"] as? Double == 50)
                #expect(referrers.map { $0["team"] as? String } == ["Regieteam Oost", "Sociaal Wijkteam", nil])
                #expect(referrers.dropFirst().allSatisfy { $0["count"] as? String == "<5" && $0["percentage"] == nil })
            }
        }
    }

    /// The previous period beside it at today's prices: a product's costs are corrected as
    /// its care type's are (z's € 100 in January, 10% up: € 110).
    @Test func theComparisonsProductsAreAtTodaysPrices() async throws {
        let server = try ReporterHTTPServer.forTests(database: try database())
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(
                uri: "/api/rapport?gemeente=0268&periode=2026-Q2&prijsindex=10,0&formaat=json", method: .get
            ) { response in
                let comparisons = try #require(try APIJSON.object(response)["comparisons"] as? [[String: Any]])
                let previous = try #require(comparisons.first)
                #expect(previous["period"] as? String == "2026-Q1")
                let careTypes = try #require(previous["careTypes"] as? [[String: Any]])
                let ambulant = try #require(careTypes.first { $0["category"] as? String == "45" })
                #expect(ambulant["costs"] as? Int == 11_000)
                let products = try #require(ambulant["products"] as? [[String: Any]])
                #expect(products.map { $0["code"] as? String } == ["45A03"])
                #expect(products.first?["costs"] as? Int == 11_000)
            }
        }
    }
}
