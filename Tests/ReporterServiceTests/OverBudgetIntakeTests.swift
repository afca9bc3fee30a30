import Contracts
import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Messaging
import Testing

@testable import ReporterService

/// Holland Rijnland's 105% rule: the clients taken on between the forecast reaching 100%
/// (10 May) and the stop (1 July), by pseudonym and allocation number, never a BSN.
@Suite struct OverBudgetIntakeTests {
    static func date(_ iso: String) -> Date {
        Date(timeIntervalSince1970: TimeInterval(Day(iso: iso)!.daysSince1970 * 86_400 + 36_000))
    }

    static let norm = NormDefinition(
        id: 7, name: "Begeleiding HR", kind: .bestedingsruimte,
        scope: NormScope(gemeenten: ["0546"], aanbieder: "12345678", productCategorieen: ["45"]),
        period: .year(2026), limit: 1_000_000, stopRule: .forecastAbove105)

    func start(_ client: String, _ day: String, aanbieder: String = "12345678", categorie: String = "45")
        -> CareStarted
    {
        CareStarted(
            gemeente: "0546", aanbieder: aanbieder, client: client, toewijzingNummer: "T-\(client)",
            productCategorie: categorie, productCode: categorie == "45" ? "45A03" : nil,
            begindatum: Day(iso: day)!, withdrawn: false)
    }

    /// c1 starts before the forecast reached 100%, c2 on that day, c3 in June; c4 at
    /// another provider, c5 in another care type, c6 on the stop's day (under the stop),
    /// c7 in June but its start was withdrawn.
    func database(stop: Bool = true) throws -> ReporterDatabase {
        let core = ReporterCore(database: try .inMemory(clock: { Self.date("2026-08-15") }))
        var monitor = [
            LoggedEvent(
                seq: 1, kind: NormChanged.kind.rawValue,
                body: try NormChanged(change: .added, norm: Self.norm, by: "test", at: Self.date("2026-01-02"))
                    .encoded()),
            LoggedEvent(
                seq: 2, kind: AlertFiring.kind.rawValue,
                body: try AlertFiring(
                    alertID: 1, norm: AlertNorm(Self.norm), alertKind: .forecast, threshold: 100, value: 500_000,
                    limit: Self.norm.limit, forecastValue: 1_020_000, forecastCrossing: nil,
                    firedAt: Self.date("2026-05-10")
                ).encoded()),
        ]
        if stop {
            monitor.append(
                LoggedEvent(
                    seq: 3, kind: StopImposed.kind.rawValue,
                    body: try StopImposed(
                        stopID: 1, normID: 7, aanbieder: "12345678", by: "test", reason: "boven 105%",
                        at: Self.date("2026-07-01")
                    ).encoded()))
        }
        try core.monitorSink().apply(monitor)
        var events: [LoggedEvent] = []
        func add<E: EventBody>(_ body: E) throws {
            events.append(LoggedEvent(seq: Int64(events.count + 1), kind: E.kind.rawValue, body: try body.encoded()))
        }
        try add(start("c1", "2026-05-05"))
        try add(start("c2", "2026-05-10"))
        try add(start("c3", "2026-06-15"))
        try add(start("c4", "2026-06-01", aanbieder: "87654321"))
        try add(start("c5", "2026-06-01", categorie: "41"))
        try add(start("c6", "2026-07-01"))
        try add(start("c7", "2026-06-20"))
        var withdrawn = start("c7", "2026-06-20")
        withdrawn.withdrawn = true
        try add(withdrawn)
        try core.intakeSink().apply(events)
        return core.database
    }

    @Test func theClientsTakenOnBetweenHundredPercentAndTheStopAreListed() async throws {
        let figures = try await database().indicators(period: .year(2026), gemeente: "0546")
        let list = try #require(figures.bovenbegrotelijk.first)
        #expect(figures.bovenbegrotelijk.count == 1)
        #expect(list.vanaf == Day(iso: "2026-05-10") && list.tot == Day(iso: "2026-07-01"))
        #expect(
            list.clienten.map { "\($0.client) \($0.toewijzingNummer) \($0.begindatum.iso)" } == [
                "c2 T-c2 2026-05-10", "c3 T-c3 2026-06-15",
            ])
        #expect(list.aantal == "<5")
        // Without a stop the list runs to the peildatum: c6 (1 July) is taken on above budget.
        let open = try await database(stop: false).indicators(period: .year(2026), gemeente: "0546")
        #expect(open.bovenbegrotelijk.first?.clienten.map(\.client) == ["c2", "c3", "c6"])
        // On 1 June only c2 had been taken on.
        let june = try await database().indicators(period: .year(2026), gemeente: "0546", asOf: Day(iso: "2026-06-01"))
        #expect(june.bovenbegrotelijk.first?.clienten.map(\.client) == ["c2"])
    }

    @Test func aNormUnderTheHundredPercentRuleHasNoList() async throws {
        var norm = Self.norm
        norm.stopRule = .forecastAbove100
        let core = ReporterCore(database: try .inMemory(clock: { Self.date("2026-08-15") }))
        try core.monitorSink().apply([
            LoggedEvent(
                seq: 1, kind: NormChanged.kind.rawValue,
                body: try NormChanged(change: .added, norm: norm, by: "test", at: Self.date("2026-01-02")).encoded())
        ])
        #expect(try await core.database.indicators(period: .year(2026), gemeente: "0546").bovenbegrotelijk.isEmpty)
    }

    @Test func thePrintedReportCountsTheCSVLists() async throws {
        let server = try ReporterHTTPServer.forTests(database: try database())
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/api/rapport?gemeente=0546&periode=2026", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(
                    html.contains(
                        "<li>Begeleiding HR: &lt;5 opgenomen (vanaf 10 mei 2026 tot de stop van 1 juli 2026)</li>"))
                #expect(!html.contains("T-c2"))
            }
            try await client.execute(uri: "/api/rapport?gemeente=0546&periode=2026&formaat=csv", method: .get) {
                response in
                let lines = String(buffer: response.body).components(separatedBy: "\r\n")
                #expect(lines.contains("Begeleiding HR;2026-05-10;2026-07-01;c2;T-c2;2026-05-10;45A03;0546"))
            }
        }
    }

    /// The report's JSON lists them for the gemeente: pseudonyms and allocation numbers,
    /// the count as published ("<5" for two), nothing else about the client.
    @Test func theReportJSONListsTheClientsByPseudonym() async throws {
        let server = try ReporterHTTPServer.forTests(database: try database())
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/api/rapport?gemeente=0546&periode=2026&formaat=json", method: .get) {
                response in
                let indicators = try #require(try APIJSON.object(response)["indicators"] as? [String: Any])
                let lists = try #require(indicators["overBudgetIntake"] as? [[String: Any]])
                #expect(lists.count == 1)
                let list = try #require(lists.first)
                #expect(list["normID"] as? Int == 7)
                #expect(list["norm"] as? String == "Begeleiding HR")
                #expect(list["from"] as? String == "2026-05-10")
                #expect(list["to"] as? String == "2026-07-01")
                #expect(list["count"] as? String == "<5")
                let clients = try #require(list["clients"] as? [[String: Any]])
                #expect(
                    clients.map { client in
                        ["pseudonym", "allocationNumber", "startDate", "productCode", "municipality"]
                            .map { client[$0] as? String ?? "?" }.joined(separator: " ")
                    } == ["c2 T-c2 2026-05-10 45A03 0546", "c3 T-c3 2026-06-15 45A03 0546"])
                #expect(
                    clients.allSatisfy {
                        Set($0.keys) == ["pseudonym", "allocationNumber", "startDate", "productCode", "municipality"]
                    })
            }
        }
    }
}
