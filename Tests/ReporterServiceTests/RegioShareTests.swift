import Contracts
import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Messaging
import Testing

@testable import ReporterService

/// A regio's bestedingsruimte split over its gemeenten: each gemeente's report shows its
/// share, its own spend and its own percentage, with the regio's figures beside them; never
/// the regio's totals as the gemeente's own.
@Suite struct RegioShareTests {
    static let august15 = Date(timeIntervalSince1970: TimeInterval(Day(iso: "2026-08-15")!.daysSince1970 * 86_400))

    /// € 10.000 for the regio R (0268 and 0209), 60% / 40% when split. Declared in May:
    /// € 3.000 for a client of 0268, € 1.000 for one of 0209.
    func database(shares: [String: Int]?) throws -> ReporterDatabase {
        var norm = NormDefinition(
            id: 1, name: "Begeleiding R", kind: .bestedingsruimte,
            scope: NormScope(
                gemeenten: ["0268", "0209"], regio: "R", aanbieder: "11111111", productCategorieen: ["45"]),
            period: .year(2026), limit: 1_000_000)
        norm.shares = shares
        let core = ReporterCore(database: try .inMemory(clock: { Self.august15 }))
        try core.monitorSink().apply([
            LoggedEvent(
                seq: 1, kind: NormChanged.kind.rawValue,
                body: try NormChanged(change: .added, norm: norm, by: "test", at: Self.august15).encoded())
        ])
        var events: [LoggedEvent] = []
        for (index, (gemeente, cents)) in [("0268", Int64(300_000)), ("0209", 100_000)].enumerated() {
            let may = Month(year: 2026, month: 5)!
            let line = DeclaredLine(
                lineID: Int64(index + 1), aanbieder: "11111111", gemeente: gemeente, client: "c\(index)",
                referentieNummer: "R\(index)", vorigReferentieNummer: nil, toewijzingNummer: "T\(index)",
                productCategorie: "45", productCode: nil, periodStart: may.firstDay, periodEnd: may.lastDay,
                volume: 1, eenheid: "04", tariffCents: cents, amountCents: cents, declaratieNummer: "DN",
                receivedOn: may.next.firstDay)
            events.append(
                LoggedEvent(
                    seq: Int64(index + 1), kind: LineAccepted.kind.rawValue,
                    body: try LineAccepted(line: line).encoded()))
        }
        try core.intakeSink().apply(events)
        return core.database
    }

    @Test func eachGemeenteSeesItsShareItsOwnSpendAndTheRegioBeside() async throws {
        let database = try database(shares: ["0268": 6_000, "0209": 4_000])
        let nijmegen = try #require(
            try await database.report(area: .gemeente("0268"), period: .year(2026)).normen.first)
        #expect(nijmegen.grens == 600_000)
        #expect(nijmegen.stand == "300000")
        #expect(nijmegen.percentage == "50,00%")
        #expect(
            nijmegen.regio
                == .init(
                    gebied: "regio R", aandeel: "60,00%", grens: 1_000_000, stand: "400000", percentage: "40,00%",
                    prognose: nijmegen.regio?.prognose))
        let beuningen = try #require(
            try await database.report(area: .gemeente("0209"), period: .year(2026)).normen.first)
        #expect(beuningen.grens == 400_000 && beuningen.stand == "100000" && beuningen.percentage == "25,00%")
        // The regio's own report keeps the whole norm, as before.
        let regio = try #require(
            try await database.report(area: .regio(name: "R", gemeenten: ["0268", "0209"]), period: .year(2026)).normen
                .first)
        #expect(regio.grens == 1_000_000 && regio.stand == "400000" && regio.regio == nil)
    }

    @Test func anUnsplitRegioNormShowsTheGemeentesSpendWithoutALimitOfItsOwn() async throws {
        let line = try #require(
            try await database(shares: nil).report(area: .gemeente("0268"), period: .year(2026)).normen.first)
        #expect(line.grens == nil && line.percentage == nil)
        #expect(line.stand == "300000")
        #expect(line.status == "regio-norm, niet verdeeld")
        #expect(line.regio?.stand == "400000" && line.regio?.aandeel == nil)
    }

    @Test func theReportShowsBothAsAPersonReadsThem() async throws {
        let server = try ReporterHTTPServer.forTests(database: try database(shares: ["0268": 6_000, "0209": 4_000]))
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/api/rapport?gemeente=0268&periode=2026", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("€ 6.000,00 (aandeel 60,00% van € 10.000,00)"))
                #expect(html.contains("€ 3.000,00 (regio R: € 4.000,00)"))
            }
            try await client.execute(uri: "/api/rapport?gemeente=0268&periode=2026&formaat=csv", method: .get) {
                response in
                let lines = String(buffer: response.body).components(separatedBy: "\r\n")
                let row = try #require(lines.first { $0.hasPrefix("1;") })
                #expect(row.hasSuffix(";regio R;60,00;10000,00;4000,00"))
                #expect(row.contains(";6000,00;3000,00;50,00;"))
            }
            // The JSON gives the same figures as numbers: cents, and percentages in percent.
            try await client.execute(uri: "/api/rapport?gemeente=0268&periode=2026&formaat=json", method: .get) {
                response in
                let report = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let norm = try #require((report?["norms"] as? [[String: Any]])?.first)
                #expect(norm["limit"] as? Int == 600_000 && norm["value"] as? Int == 300_000)
                #expect(norm["percentage"] as? Double == 50)
                let whole = try #require(norm["whole"] as? [String: Any])
                #expect(whole["sharePercentage"] as? Double == 60 && whole["limit"] as? Int == 1_000_000)
                #expect(whole["value"] as? Int == 400_000 && whole["area"] as? String == "regio R")
            }
        }
    }
}
