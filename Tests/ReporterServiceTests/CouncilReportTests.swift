import Contracts
import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Messaging
import Testing

@testable import ReporterService

/// The council's figures at a peildatum, computed by hand: the stand is the clients in care
/// then (not at the period's end, whose declarations are not in yet), and the cost
/// concentration of the costliest clients, with "<5" and "–" where a group is small.
@Suite struct CouncilReportTests {
    static let august15 = Date(timeIntervalSince1970: TimeInterval(Day(iso: "2026-08-15")!.daysSince1970 * 86_400))

    func line(_ id: Int64, client: Int, month: Int, cents: Int64) -> DeclaredLine {
        let m = Month(year: 2026, month: month)!
        return DeclaredLine(
            lineID: id, aanbieder: "12345678", gemeente: "0268", client: "c\(client)", referentieNummer: "R\(id)",
            vorigReferentieNummer: nil, toewijzingNummer: "T\(client)", productCategorie: "45", productCode: nil,
            periodStart: m.firstDay, periodEnd: m.lastDay, volume: 1, eenheid: "04", tariffCents: cents,
            amountCents: cents, declaratieNummer: "DN", receivedOn: m.next.firstDay)
    }

    /// Fifty clients in May: c0 € 10.000, c1–c4 € 2.000 each, c5–c49 € 100 each (€ 22.500
    /// in all). c0–c9 also in July, € 10 each. Nothing declared for August yet.
    func database() throws -> ReporterDatabase {
        let core = ReporterCore(database: try .inMemory(clock: { Self.august15 }))
        var events: [LoggedEvent] = []
        for client in 0..<50 {
            let cents: Int64 = client == 0 ? 1_000_000 : client < 5 ? 200_000 : 10_000
            events.append(
                LoggedEvent(
                    seq: Int64(events.count + 1), kind: LineAccepted.kind.rawValue,
                    body: try LineAccepted(line: line(Int64(client + 1), client: client, month: 5, cents: cents))
                        .encoded()))
        }
        for client in 0..<10 {
            events.append(
                LoggedEvent(
                    seq: Int64(events.count + 1), kind: LineAccepted.kind.rawValue,
                    body: try LineAccepted(line: line(Int64(client + 100), client: client, month: 7, cents: 1_000))
                        .encoded()))
        }
        try core.intakeSink().apply(events)
        return core.database
    }

    @Test func theStandIsTakenAtThePeildatumFromTheLastDeclaredMonth() async throws {
        let database = try database()
        let year = Period.year(2026)
        // The report's date: 15 August; August is not declared yet, so July's ten clients.
        let now = try await database.indicators(period: year, area: .gemeente("0268"))
        #expect(now.peildatum == Day(iso: "2026-08-15"))
        #expect(now.standMaand == "2026-07")
        #expect(now.zorgsoorten.first?.stand == "10")
        // On 20 May: May's fifty, and only the costs up to May.
        let may = try await database.indicators(period: year, area: .gemeente("0268"), asOf: Day(iso: "2026-05-20"))
        #expect(may.standMaand == "2026-05")
        #expect(may.zorgsoorten.first?.stand == "50")
        #expect(may.totaal.kosten == 2_250_000)
        // A peildatum after the period is its last day.
        #expect(
            ReporterDatabase.peildatum(Day(iso: "2027-03-01"), period: year, today: Day(iso: "2026-08-15")!)
                == Day(iso: "2026-12-31"))
    }

    @Test func theCostliestTenPercentShareIsShownOnlyForFiveOrMoreClients() async throws {
        let database = try database()
        let may = try await database.indicators(
            period: .year(2026), area: .gemeente("0268"), asOf: Day(iso: "2026-05-31"))
        // 1% and 5% of 50 are 1 and 3 clients: too few to show their share.
        // 10% is 5 clients, c0–c4: 10.000 + 4 × 2.000 = 18.000 of 22.500 = 80,0%.
        #expect(
            may.kostenconcentratie.map { "\($0.percentage) \($0.clienten) \($0.aandeel)" } == [
                "1 <5 –", "5 <5 –", "10 5 80,0%",
            ])
        // On 15 August, with July's € 10 for c0–c9: 10.010 + 4 × 2.010 = 18.050 of
        // 22.600 = 79,867%, shown to the tenth below: 79,8%.
        let now = try await database.indicators(period: .year(2026), area: .gemeente("0268"))
        #expect(now.kostenconcentratie.last?.aandeel == "79,8%")
    }

    @Test func theReportShowsThePeildatumTheStandsMonthAndTheConcentration() async throws {
        let server = try ReporterHTTPServer.forTests(database: try database())
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/api/rapport?gemeente=0268&periode=2026", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("peildatum 15 augustus 2026 (stand: cliënten in zorg in juli 2026)"))
                #expect(
                    html.contains(
                        "<tr><td>duurste 10% van de cliënten</td><td class=\"num\">5</td><td class=\"num\">79,8%</td></tr>"
                    ))
            }
            try await client.execute(
                uri: "/api/rapport?gemeente=0268&periode=2026&peildatum=2026-05-20&formaat=csv", method: .get
            ) { response in
                let lines = String(buffer: response.body).components(separatedBy: "\r\n")
                #expect(lines.contains("Peildatum;2026-05-20;stand uit zorgmaand;2026-05"))
                #expect(lines.contains("10;5;80,0%"))
            }
            try await client.execute(uri: "/api/rapport?gemeente=0268&periode=2026&peildatum=20-05-2026", method: .get)
            {
                response in
                #expect(response.status == .badRequest)
            }
        }
    }

    /// Jeugd-GGZ declared in minutes by one provider and in hours by another: one figure
    /// per unit, never minutes and hours added together.
    @Test func volumePerClientIsPerUnitNeverMixed() async throws {
        let core = ReporterCore(database: try .inMemory(clock: { Self.august15 }))
        var events: [LoggedEvent] = []
        for client in 0..<10 {
            var line = line(Int64(client + 1), client: client, month: 5, cents: 10_000)
            line.productCategorie = "52"
            (line.eenheid, line.volume) = client < 5 ? ("01", 300) : ("04", client == 9 ? 6 : 1)
            events.append(
                LoggedEvent(
                    seq: Int64(client + 1), kind: LineAccepted.kind.rawValue,
                    body: try LineAccepted(line: line).encoded()))
        }
        try core.intakeSink().apply(events)
        let figures = try await core.database.indicators(period: .year(2026), area: .gemeente("0268"))
        let ggz = try #require(figures.zorgsoorten.first { $0.categorie == "52" })
        #expect(ggz.volumePerClient == nil)
        // Minutes: 5 × 300 / 5 = 300,0. Hours: (4 × 1 + 6) / 5 = 2,0.
        #expect(
            ggz.volumePerEenheid.map { "\($0.naam) \($0.clienten) \($0.perClient ?? "-")" } == [
                "minuut 5 300,0", "uur 5 2,0",
            ])
        let server = try ReporterHTTPServer.forTests(database: core.database)
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/api/rapport?gemeente=0268&periode=2026", method: .get) { response in
                #expect(String(buffer: response.body).contains("<td class=\"num\">300,0 minuut; 2,0 uur</td>"))
            }
        }
    }

    /// May 2026: five clients at € 100; May 2025: five others at € 80; May 2024: six at
    /// € 50. Each period up to 15 August of its year.
    @Test func theReportComparesWithThePreviousPeriodAndABaselineAtTodaysPrices() async throws {
        let core = ReporterCore(database: try .inMemory(clock: { Self.august15 }))
        var events: [LoggedEvent] = []
        for (year, clients, cents) in [(2026, 0..<5, Int64(10_000)), (2025, 10..<15, 8_000), (2024, 20..<26, 5_000)] {
            for client in clients {
                var line = line(Int64(client + 1), client: client, month: 5, cents: cents)
                line.periodStart = Month(year: year, month: 5)!.firstDay
                line.periodEnd = Month(year: year, month: 5)!.lastDay
                events.append(
                    LoggedEvent(
                        seq: Int64(events.count + 1), kind: LineAccepted.kind.rawValue,
                        body: try LineAccepted(line: line).encoded()))
            }
        }
        try core.intakeSink().apply(events)
        let report = try await core.database.report(
            area: .gemeente("0268"), period: .year(2026),
            compare: .init(
                baselineYear: 2024, previousIndex: PriceIndex(riseTenths: 32), baselineIndex: PriceIndex(riseTenths: 75)
            ))
        #expect(report.vergelijking.map(\.periode) == ["2025", "2024"])
        #expect(report.vergelijking.map(\.peildatum) == [Day(iso: "2025-08-15")!, Day(iso: "2024-08-15")!])
        // € 400 × 1,032 = € 412,80; € 300 × 1,075 = € 322,50.
        #expect(report.vergelijking.map(\.totaal.kosten) == [41_280, 32_250])
        let server = try ReporterHTTPServer.forTests(database: core.database)
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(
                uri:
                    "/api/rapport?gemeente=0268&periode=2026&basisjaar=2024&prijsindex=3,2&basisprijsindex=7,5&formaat=csv",
                method: .get
            ) { response in
                let lines = String(buffer: response.body).components(separatedBy: "\r\n")
                #expect(lines.contains("45 Jeugdhulp ambulant;2026;5;0;5;5;500,00"))
                #expect(lines.contains("45 Jeugdhulp ambulant;2025;5;0;5;5;412,80"))
                #expect(lines.contains("45 Jeugdhulp ambulant;2024;6;0;6;6;322,50"))
            }
            try await client.execute(uri: "/api/rapport?gemeente=0268&periode=2026&prijsindex=veel", method: .get) {
                response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(
                uri: "/api/rapport?gemeente=0268&periode=2026&prijsindex=3,2", method: .get
            ) { response in
                #expect(
                    String(buffer: response.body).contains(
                        "kosten vorige periode 2025 gecorrigeerd naar het prijspeil van nu (+3,2%)"))
            }
        }
    }

    /// Five clients last in care in January 2025 and five in June 2025, all back in March
    /// 2026: only the first five were twelve months without care, so instroom is 5.
    @Test func instroomCountsClientsBackAfterTheGap() async throws {
        let core = ReporterCore(database: try .inMemory(clock: { Self.august15 }))
        var events: [LoggedEvent] = []
        for client in 0..<10 {
            for (year, month) in [(2025, client < 5 ? 1 : 6), (2026, 3)] {
                var line = line(Int64(events.count + 1), client: client, month: month, cents: 1_000)
                line.periodStart = Month(year: year, month: month)!.firstDay
                line.periodEnd = Month(year: year, month: month)!.lastDay
                events.append(
                    LoggedEvent(
                        seq: Int64(events.count + 1), kind: LineAccepted.kind.rawValue,
                        body: try LineAccepted(line: line).encoded()))
            }
        }
        try core.intakeSink().apply(events)
        let figures = try await core.database.indicators(period: .year(2026), area: .gemeente("0268"))
        #expect(figures.zorgsoorten.first?.instroom == "5")
        #expect(figures.zorgsoorten.first?.uniekeClienten == "10")
    }
}
