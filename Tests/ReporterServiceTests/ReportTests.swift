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

/// The periodic report per gemeente and regio, in its three formats, with exact figures.
@Suite struct ReportTests {
    static let august = Date(timeIntervalSince1970: 1_786_780_800)  // 2026-08-15

    func line(_ id: Int64, aanbieder: String, gemeente: String, categorie: String, month: Int, cents: Int64)
        -> DeclaredLine
    {
        let m = Month(year: 2026, month: month)!
        return DeclaredLine(
            lineID: id, aanbieder: aanbieder, gemeente: gemeente, client: "c\(id)", referentieNummer: "R\(id)",
            vorigReferentieNummer: nil, toewijzingNummer: "T\(id)", productCategorie: categorie, productCode: nil,
            periodStart: m.firstDay, periodEnd: m.lastDay, volume: 1, eenheid: "04", tariffCents: cents,
            amountCents: cents, declaratieNummer: "DN", receivedOn: m.next.firstDay)
    }

    func norm(_ id: Int64, _ kind: NormKind, gemeente: String, aanbieder: String, limit: Int64) -> NormDefinition {
        NormDefinition(
            id: id, name: "Norm \(id); \"test\"", kind: kind,
            scope: NormScope(gemeenten: [gemeente], aanbieder: aanbieder, productCategorieen: ["45"]),
            period: .year(2026), limit: limit)
    }

    func database() throws -> ReporterDatabase {
        let core = ReporterCore(database: try .inMemory())
        let (monitor, intake) = try logs()
        try core.monitorSink().apply(monitor)
        try core.intakeSink().apply(intake)
        return core.database
    }

    /// Monitor's and intake's logs for the scenario.
    func logs() throws -> (monitor: [LoggedEvent], intake: [LoggedEvent]) {
        let norms = [
            norm(1, .bestedingsruimte, gemeente: "0268", aanbieder: "11111111", limit: 100_000),
            norm(2, .signaalplafond, gemeente: "0209", aanbieder: "22222222", limit: 50_000),
        ]
        var monitor: [LoggedEvent] = []
        func add<E: EventBody>(_ body: E, to log: inout [LoggedEvent]) throws {
            log.append(LoggedEvent(seq: Int64(log.count + 1), kind: E.kind.rawValue, body: try body.encoded()))
        }
        for norm in norms {
            try add(NormChanged(change: .added, norm: norm, by: "test", at: Self.august), to: &monitor)
        }
        for norm in norms {
            try add(
                AlertFiring(
                    alertID: norm.id, norm: AlertNorm(norm), alertKind: .actual, threshold: 70, value: 1, limit: 1,
                    forecastValue: nil, forecastCrossing: nil, firedAt: Self.august), to: &monitor)
        }
        try add(
            StopImposed(
                stopID: 1, normID: 1, aanbieder: "11111111", by: "J. de Vries", reason: "analyse", at: Self.august),
            to: &monitor)
        var intake: [LoggedEvent] = []
        // Gemeente 0268, provider 1: July € 400,00, August € 350,50, an August credit of € 50,25;
        // April (outside Q3) € 999,00. Gemeente 0209, provider 2: July € 200,00 in care type 41.
        try add(
            LineAccepted(
                line: line(1, aanbieder: "11111111", gemeente: "0268", categorie: "45", month: 7, cents: 40_000)),
            to: &intake)
        try add(
            LineAccepted(
                line: line(2, aanbieder: "11111111", gemeente: "0268", categorie: "45", month: 8, cents: 35_050)),
            to: &intake)
        try add(
            LineCredited(
                line: line(3, aanbieder: "11111111", gemeente: "0268", categorie: "45", month: 8, cents: 5_025)),
            to: &intake)
        try add(
            LineAccepted(
                line: line(4, aanbieder: "11111111", gemeente: "0268", categorie: "45", month: 4, cents: 99_900)),
            to: &intake)
        try add(
            LineAccepted(
                line: line(5, aanbieder: "22222222", gemeente: "0209", categorie: "41", month: 7, cents: 20_000)),
            to: &intake)
        for (i, client) in ["a", "b", "c", "d", "e", "f"].enumerated() {
            try add(
                CareStopped(
                    gemeente: "0268", aanbieder: "11111111", client: client, toewijzingNummer: "T\(i)",
                    begindatum: Day(iso: "2026-02-01")!, einddatum: Day(iso: "2026-08-0\(i + 1)")!,
                    redenBeeindiging: i < 4 ? "31" : "33", withdrawn: false, productCategorie: "45"), to: &intake)
        }
        return (monitor, intake)
    }

    /// Live: every event applied on its own, the two logs interleaved, on a file store.
    /// Rebuilt: the store thrown away (`--rebuild`) and each log replayed in one go.
    @Test func aRebuildFromZeroGivesTheSameReportIndicatorsTimelineAndNorms() async throws {
        let (monitor, intake) = try logs()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plafond-rebuild-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("reporter.sqlite").path
        func snapshot(_ database: ReporterDatabase) async throws -> [Data] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let area = ReportArea.regio(name: "R", gemeenten: ["0268", "0209"])
            return [
                try encoder.encode(try await database.report(area: area, period: Period(parsing: "2026")!)),
                try encoder.encode(
                    try await database.indicators(period: Period(parsing: "2026-Q3")!, gemeente: "0268")),
                try encoder.encode(try await database.norms()),
                try encoder.encode(
                    try await database.timeline(normID: nil).map { "\($0.kind) \($0.normID ?? 0) \($0.summary)" }),
            ]
        }
        let live = ReporterCore(database: try ReporterDatabase.open(path: path))
        for index in 0..<max(monitor.count, intake.count) {
            if index < intake.count { try live.intakeSink().apply([intake[index]]) }
            if index < monitor.count { try live.monitorSink().apply([monitor[index]]) }
        }
        let liveFigures = try await snapshot(live.database)
        let rebuilt = ReporterCore(database: try ReporterDatabase.open(path: path, rebuild: true))
        #expect(try await rebuilt.database.norms().isEmpty)
        try rebuilt.monitorSink().apply(monitor)
        try rebuilt.intakeSink().apply(intake)
        let rebuiltFigures = try await snapshot(rebuilt.database)
        #expect(rebuiltFigures == liveFigures)
        #expect(
            try await rebuilt.database.indicators(period: Period(parsing: "2026-Q3")!, gemeente: "0268").trajecten
                .beeindigd
                == "6")
    }

    @Test func aGemeentesQuarterHasItsNormsSpendAndOnlyItsOwnAlerts() async throws {
        let report = try await database().report(area: .gemeente("0268"), period: Period(parsing: "2026-Q3")!)
        #expect(report.periode == "2026-Q3" && report.gebied == "gemeente 0268")
        #expect(report.normen.map(\.id) == [1])
        #expect(report.normen.first?.stand == "169925")  // the norm's whole year: 999,00 + 700,25
        #expect(report.normen.first?.stopVanKracht == true)
        #expect(report.totaleBesteding == 70_025)
        #expect(report.bestedingPerZorgsoort.map { "\($0.code) \($0.bedrag)" } == ["45 70025"])
        #expect(report.bestedingPerAanbieder.map { "\($0.code) \($0.bedrag)" } == ["11111111 70025"])
        // Norm 2's alert is about gemeente 0209: not counted here.
        #expect(report.indicatoren.meldingenGevuurd == 1)
        #expect(report.indicatoren.stopsOpgelegd == 1)
    }

    @Test func aRegioCoversItsMembers() async throws {
        let report = try await database().report(
            area: .regio(name: "Rijk van Nijmegen", gemeenten: ["0268", "0209"]), period: Period(parsing: "2026-H2")!)
        #expect(report.normen.map(\.id) == [1, 2])
        #expect(report.totaleBesteding == 90_025)
        #expect(report.bestedingPerAanbieder.map(\.code) == ["11111111", "22222222"])
        #expect(report.indicatoren.meldingenGevuurd == 2)
        #expect(report.indicatoren.regio == "Rijk van Nijmegen")
    }

    func server() throws -> ReporterHTTPServer {
        try ReporterHTTPServer.forTests(database: try database(), regions: ["Rijk van Nijmegen": ["0268", "0209"]])
    }

    @Test func theCSVFollowsDutchSpreadsheetConventions() async throws {
        try await Application(router: try server().router()).test(.router) { client in
            try await client.execute(uri: "/api/rapport?gemeente=0268&periode=2026-Q3&formaat=csv", method: .get) {
                response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.headers[.contentDisposition]?.contains("rapport-0268-2026-Q3.csv") == true)
                let bytes = Array(Data(buffer: response.body))
                #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
                let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
                let lines = text.components(separatedBy: "\r\n")
                #expect(lines.first == "Rapportage;gemeente 0268;2026-Q3")
                #expect(lines.contains("45;Jeugdhulp ambulant;700,25"))
                #expect(lines.contains("Totaal;;700,25"))
                #expect(lines.contains("11111111;AGB 11111111;700,25"))
                // A name with a semicolon and quotes is quoted, the quotes doubled.
                let normRow = try #require(lines.first { $0.hasPrefix("1;") })
                #expect(normRow.hasPrefix("1;\"Norm 1; \"\"test\"\"\";Bestedingsruimte;11111111;"))
                #expect(normRow.contains(";1000,00;1699,25;") && normRow.hasSuffix(";ja"))
            }
        }
    }

    /// `/api/indicators` takes `regio` as the report does: the regio's figures, named; an
    /// unknown regio is a 404 and both areas at once a 400. (It was ignored before, and a
    /// regio's request got the whole installation's figures.)
    @Test func theIndicatorsAPIAnswersForARegio() async throws {
        let database = try database()
        let server = try ReporterHTTPServer.forTests(
            database: database, regions: ["Rijk van Nijmegen": ["0268", "0209"]])
        let expected = try await database.indicators(
            period: Period(parsing: "2026")!, area: .regio(name: "Rijk van Nijmegen", gemeenten: ["0268", "0209"]))
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/api/indicators?periode=2026&regio=Rijk%20van%20Nijmegen", method: .get) {
                response in
                #expect(response.status == .ok)
                let body = try #require(
                    try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect(body["region"] as? String == "Rijk van Nijmegen")
                #expect(body["municipality"] == nil)
                #expect(body["alertsFired"] as? Int == expected.meldingenGevuurd)
                let total = try #require(body["total"] as? [String: Any])
                #expect(total["costs"] as? Int == Int(expected.totaal.kosten))
            }
            for (uri, status) in [
                ("/api/indicators?periode=2026&regio=Holland%20Rijnland", HTTPResponse.Status.notFound),
                ("/api/indicators?periode=2026&gemeente=0268&regio=Rijk%20van%20Nijmegen", .badRequest),
                ("/api/indicators?periode=2026&gemeente=268", .badRequest),
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    let body = try APIErrorBody(response)
                    #expect(response.status == status, "\(uri)")
                    #expect(body.code == (status == .notFound ? "REGIO_ONBEKEND" : "ONGELDIGE_PARAMETER"), "\(uri)")
                }
            }
        }
    }

    @Test func htmlAndJSONAndTheirRefusals() async throws {
        let server = try server()
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(
                uri: "/rapport?regio=Rijk%20van%20Nijmegen&periode=2026", method: .get, headers: server.reader
            ) {
                response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<h1>Jeugdhulp: bestedingen en gebruik, regio Rijk van Nijmegen, 2026</h1>"))
                #expect(html.contains("€ 1.899,25") && html.contains("toeleidingsstop"))  // the year includes April
                #expect(html.contains("Norm 1; &quot;test&quot;") && !html.contains("<script"))
                #expect(html.contains("@page{size:A4"))
            }
            try await client.execute(uri: "/api/rapport?gemeente=0209&periode=2026-Q3&formaat=json", method: .get) {
                response in
                #expect(response.headers[.contentDisposition] == "inline; filename=\"rapport-0209-2026-Q3.json\"")
                let report = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let norms = report?["norms"] as? [[String: Any]]
                #expect(report?["totalSpend"] as? Int == 20_000 && norms?.map { $0["id"] as? Int } == [2])
                #expect(report?["area"] as? String == "gemeente 0209" && report?["period"] as? String == "2026-Q3")
            }
            for (uri, status) in [
                ("/api/rapport?gemeente=0268&periode=2026-07", HTTPResponse.Status.badRequest),
                ("/api/rapport?gemeente=0268&periode=2026-Q3&formaat=pdf", .badRequest),
                ("/api/rapport?gemeente=268&periode=2026-Q3", .badRequest),
                ("/api/rapport?regio=Holland%20Rijnland&periode=2026", .notFound),
                ("/api/rapport?gemeente=0268&regio=Rijk%20van%20Nijmegen&periode=2026", .badRequest),
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    let body = try APIErrorBody(response)
                    #expect(response.status == status, "\(uri)")
                    #expect(body.code == (status == .notFound ? "REGIO_ONBEKEND" : "ONGELDIGE_PARAMETER"), "\(uri)")
                }
            }
        }
    }
}
