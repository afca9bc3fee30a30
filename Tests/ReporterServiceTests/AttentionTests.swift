import Contracts
import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Messaging
import Testing

@testable import ReporterService

/// The status worked out from everything, and the start page that puts what needs
/// attention first.
@Suite struct AttentionTests {
    let may10 = Date(timeIntervalSince1970: TimeInterval(Day(iso: "2026-05-10")!.daysSince1970 * 86_400))
    let at = Date(timeIntervalSince1970: 1_775_000_000)

    func norm(_ id: Int64, name: String, limit: Int64, kind: NormKind = .bestedingsruimte) -> NormDefinition {
        NormDefinition(
            id: id, name: name, kind: kind,
            scope: NormScope(gemeenten: ["0268"], aanbieder: "1234567\(id)", productCategorieen: ["45"]),
            period: .year(2026), limit: limit)
    }

    func added(_ seq: Int64, _ norm: NormDefinition) throws -> LoggedEvent {
        LoggedEvent(
            seq: seq, kind: NormChanged.kind.rawValue,
            body: try NormChanged(change: .added, norm: norm, by: "test", at: at).encoded())
    }

    func firing(_ seq: Int64, alertID: Int64, _ norm: NormDefinition, kind: AlertKind, threshold: Int, value: Int64)
        throws -> LoggedEvent
    {
        LoggedEvent(
            seq: seq, kind: AlertFiring.kind.rawValue,
            body: try AlertFiring(
                alertID: alertID, norm: AlertNorm(norm), alertKind: kind, threshold: threshold, value: value,
                limit: norm.limit, forecastValue: nil, forecastCrossing: nil, firedAt: at
            ).encoded())
    }

    func spend(_ core: ReporterCore, agb: String, cents: Int64, seq: Int64) throws {
        var line = ReadModelTests().line(seq, cents: cents)
        line.aanbieder = agb
        try core.intakeSink().apply([
            LoggedEvent(seq: seq, kind: LineAccepted.kind.rawValue, body: try LineAccepted(line: line).encoded())
        ])
    }

    @Test func aForecastOverTheLimitIsNeverWithinTheThresholds() async throws {
        let core = ReporterCore(database: try .inMemory(clock: { may10 }))
        let heading = norm(1, name: "Op weg naar 110%", limit: 1_000_000)
        try core.monitorSink().apply([
            try added(1, heading), try firing(2, alertID: 1, heading, kind: .forecast, threshold: 100, value: 300_000),
        ])
        let figures = try #require(try await core.database.norm(id: 1))
        #expect(figures.firingThresholds.isEmpty)  // no alert on the value itself
        #expect(figures.forecastFiring)
        #expect(DutchFigures.status(figures).text != "binnen de drempels")
        #expect(figures.attention.level == .warning)
        #expect(figures.attention.reasons.contains { $0.hasPrefix("prognose boven de grens") })
    }

    @Test func aStopAdviceAwaitsADecisionUntilAStopIsImposedAndLifted() async throws {
        let core = ReporterCore(database: try .inMemory(clock: { may10 }))
        let capped = norm(1, name: "Bestedingsruimte", limit: 1_000_000)
        try core.monitorSink().apply([
            try added(1, capped),
            LoggedEvent(
                seq: 2, kind: StopAdvised.kind.rawValue,
                body: try StopAdvised(
                    normID: 1, advice: .impose, rule: .forecastAbove100, value: 500_000, limit: 1_000_000,
                    projectedTotal: 1_200_000, crossingDate: Day(iso: "2026-10-18"), at: at
                ).encoded()),
        ])
        #expect(try await core.database.norm(id: 1)?.attention.reasons == ["stopadvies: een besluit is nodig"])
        #expect(try await core.database.normsNeedingAttention { _ in true }.map(\.id) == [1])
        try core.monitorSink().apply([
            LoggedEvent(
                seq: 3, kind: StopImposed.kind.rawValue,
                body: try StopImposed(
                    stopID: 1, normID: 1, aanbieder: nil, by: "J. de Vries", reason: "gesprek", at: at
                )
                .encoded())
        ])
        #expect(try await core.database.norm(id: 1)?.attention.level == .stopInForce)
        #expect(
            try await core.database.norm(id: 1).map { DutchFigures.status($0).text } == "toeleidingsstop van kracht")
        try core.monitorSink().apply([
            LoggedEvent(
                seq: 4, kind: StopLifted.kind.rawValue,
                body: try StopLifted(stopID: 1, normID: 1, by: "J. de Vries", reason: "onder de grens", at: at)
                    .encoded())
        ])
        #expect(try await core.database.norm(id: 1)?.attention.level == .ok)
        #expect(try await core.database.normsNeedingAttention { _ in true }.isEmpty)
    }

    @Test func anAcknowledgedAlertNoLongerAsksToBeAcknowledged() async throws {
        let core = ReporterCore(database: try .inMemory(clock: { may10 }))
        let capped = norm(1, name: "Bestedingsruimte", limit: 100_000)
        try core.monitorSink().apply([
            try added(1, capped), try firing(2, alertID: 5, capped, kind: .actual, threshold: 70, value: 72_000),
        ])
        let before = try #require(try await core.database.norm(id: 1))
        #expect(before.unacknowledgedAlerts == 1)
        // Notifier escalates 14 days (its default) after the alert fired, in Dutch time.
        #expect(before.escalatesOn == Day(iso: "2026-04-15"))
        #expect(before.attention.reasons.contains("1 melding(en) niet bevestigd, geëscaleerd op 15 april 2026"))
        // Before that day it says when it will be.
        let early = ReporterCore(database: try .inMemory(clock: { at.addingTimeInterval(86_400) }))
        try early.monitorSink().apply([
            try added(1, capped), try firing(2, alertID: 5, capped, kind: .actual, threshold: 70, value: 72_000),
        ])
        #expect(
            try await early.database.norm(id: 1)?.attention.reasons.contains(
                "1 melding(en) niet bevestigd, escalatie op 15 april 2026") == true)
        try core.notifierSink().apply([
            LoggedEvent(
                seq: 1, kind: AlertAcknowledged.kind.rawValue,
                body: try AlertAcknowledged(alertID: 5, normID: 1, by: "J. de Vries", note: "", at: at).encoded())
        ])
        let figures = try #require(try await core.database.norm(id: 1))
        #expect(figures.unacknowledgedAlerts == 0)
        #expect(figures.attention.reasons == ["drempel 70% bereikt"])
    }

    @Test func anEndedNormIsMarkedAndAsksNothing() async throws {
        let core = ReporterCore(database: try .inMemory(clock: { may10 }))
        var ended = norm(1, name: "Oud", limit: 100_000)
        try core.monitorSink().apply([try added(1, ended)])
        ended.ended = true
        ended.version = 2
        try core.monitorSink().apply([
            LoggedEvent(
                seq: 2, kind: NormChanged.kind.rawValue,
                body: try NormChanged(change: .ended, norm: ended, by: "test", at: at).encoded())
        ])
        let figures = try #require(try await core.database.norm(id: 1))
        #expect(DutchFigures.status(figures).text == "beëindigd")
        #expect(!figures.attention.needsAttention)
    }

    /// Three norms: 95% with a 90% alert, 130% over with an alert at 100%, and one at 10%.
    func threeNorms() throws -> ReporterCore {
        let core = ReporterCore(database: try .inMemory(clock: { may10 }))
        let near = norm(1, name: "Bijna vol", limit: 100_000)
        let over = norm(2, name: "Ruim over de grens", limit: 100_000, kind: .signaalplafond)
        let calm = norm(3, name: "Rustig", limit: 100_000)
        try core.monitorSink().apply([
            try added(1, near), try added(2, over), try added(3, calm),
            try firing(4, alertID: 1, near, kind: .actual, threshold: 90, value: 95_000),
            try firing(5, alertID: 2, over, kind: .actual, threshold: 100, value: 130_000),
        ])
        try spend(core, agb: "12345671", cents: 95_000, seq: 1)
        try spend(core, agb: "12345672", cents: 130_000, seq: 2)
        try spend(core, agb: "12345673", cents: 10_000, seq: 3)
        return core
    }

    func triageOrder(_ page: String) -> [String] {
        guard let start = page.range(of: "<ol class=\"triage\""),
            let end = page.range(of: "</ol>", range: start.upperBound..<page.endIndex)
        else { return [] }
        return page[start.upperBound..<end.lowerBound].components(separatedBy: "<h3><a href=\"/normen/").dropFirst()
            .map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func theStartPageListsTheNormFurthestOverItsLimitFirst() async throws {
        let server = try ReporterHTTPServer.forTests(database: try threeNorms().database)
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: server.reader) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(triageOrder(page) == ["2", "1"])
                #expect(page.contains("grens overschreden"))
                // The sortable headers are links that keep the filters and flip the direction.
                #expect(
                    page.contains(
                        "<th scope=\"col\" class=\"num\"><a href=\"/?sorteer=grens&amp;richting=af#alle-normen\">Grens</a></th>"
                    ))
                #expect(!page.contains("GRDB") && !page.contains("SQL("))
            }
            // Filtered to one instrument, the other norms leave both the list and the table.
            try await client.execute(uri: "/?instrument=bestedingsruimte", method: .get, headers: server.reader) {
                response in
                let page = String(buffer: response.body)
                #expect(triageOrder(page) == ["1"])
                #expect(
                    page.contains("href=\"/?instrument=bestedingsruimte&amp;sorteer=norm&amp;richting=op#alle-normen\"")
                )
                #expect(!page.contains("/normen/2\""))
                #expect(page.contains("/normen/3\""))
            }
        }
    }

    /// A country's year-end has thousands of norms with a firing alert: the start page lists
    /// the most urgent and says how many more there are, with the way to all of them.
    @Test func theStartPageListsTheMostUrgentAndLinksToTheRest() async throws {
        let core = ReporterCore(database: try .inMemory(clock: { may10 }))
        let count = StartPage.attentionShown + 5
        var events: [LoggedEvent] = []
        for id in 1...Int64(count) {
            let over = norm(id, name: "Norm \(id)", limit: 100_000)
            events.append(try added(2 * id - 1, over))
            events.append(try firing(2 * id, alertID: id, over, kind: .actual, threshold: 100, value: 100_000 + id))
        }
        try core.monitorSink().apply(events)
        for id in 1...Int64(count) { try spend(core, agb: "1234567\(id)", cents: 100_000 + id * 1_000, seq: id) }
        let server = try ReporterHTTPServer.forTests(database: core.database)
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/?gemeente=0268", method: .get, headers: server.reader) { response in
                let page = String(buffer: response.body)
                let shown = triageOrder(page)
                #expect(shown.count == StartPage.attentionShown)
                // Furthest over first: the norm with the most spend leads.
                #expect(shown.first == String(count))
                #expect(page.contains("Nog 5 normen vragen aandacht."))
                #expect(page.contains("<a href=\"/?gemeente=0268&amp;aandacht=alle\">Toon alle \(count)</a>"))
            }
            try await client.execute(uri: "/?gemeente=0268&aandacht=alle", method: .get, headers: server.reader) {
                response in
                let page = String(buffer: response.body)
                #expect(triageOrder(page).count == count)
                #expect(!page.contains("vragen aandacht."))
                // Sorting the table keeps the whole list.
                #expect(
                    page.contains(
                        "href=\"/?gemeente=0268&amp;aandacht=alle&amp;sorteer=norm&amp;richting=op#alle-normen\""))
            }
            try await client.execute(uri: "/?aandacht=twintig", method: .get, headers: server.reader) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("aandacht is alle of leeg"))
            }
        }
    }

    @Test func theTableSortsOnAnyColumnBothWays() async throws {
        let server = try ReporterHTTPServer.forTests(database: try threeNorms().database)
        @Sendable func rows(_ page: String) -> [String] {
            page.components(separatedBy: "<tr><th scope=\"row\"><a href=\"/normen/").dropFirst()
                .map { String($0.prefix { $0 != "\"" }) }
        }
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/?sorteer=besteed&richting=af", method: .get, headers: server.reader) {
                response in
                #expect(rows(String(buffer: response.body)) == ["2", "1", "3"])
            }
            try await client.execute(uri: "/?sorteer=norm&richting=op", method: .get, headers: server.reader) {
                response in
                #expect(rows(String(buffer: response.body)) == ["1", "2", "3"])  // Bijna, Ruim, Rustig
            }
            try await client.execute(uri: "/?sorteer=gebruikt&richting=op", method: .get, headers: server.reader) {
                response in
                #expect(rows(String(buffer: response.body)) == ["3", "1", "2"])
            }
        }
    }

    @Test func providersAreNamedFromTheRegisterOnPagesAndInTheAPI() async throws {
        let core = try threeNorms()
        try core.monitorSink().apply([
            LoggedEvent(
                seq: 6, kind: ProviderNamed.kind.rawValue,
                body: try ProviderNamed(agb: "12345672", naam: "De Linde", by: "test", at: at).encoded())
        ])
        let server = try ReporterHTTPServer.forTests(database: core.database)
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: server.reader) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<a href=\"/aanbieders/12345672\">De Linde (12345672)</a>"))
                #expect(page.contains("<option value=\"12345672\" label=\"De Linde\">"))
                #expect(page.contains("<a href=\"/aanbieders/12345671\">12345671</a>"))  // no name known
            }
            try await client.execute(uri: "/aanbieders/12345672", method: .get, headers: server.reader) { response in
                #expect(String(buffer: response.body).contains("<h1>Aanbieder De Linde (12345672)</h1>"))
            }
            try await client.execute(uri: "/api/norms/2", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["providerName"] as? String == "De Linde")
                #expect(json?["provider"] as? String == "12345672")
            }
            try await client.execute(uri: "/api/spend", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let providers = json?["providers"] as? [[String: Any]]
                #expect(providers?.first { $0["key"] as? String == "12345672" }?["name"] as? String == "De Linde")
            }
        }
    }

    @Test func aWrongFilterGetsAClearAnswer() async throws {
        let server = try ReporterHTTPServer.forTests(database: try threeNorms().database)
        try await Application(router: server.router()).test(.router) { client in
            for (query, message) in [
                ("instrument=plafond", "onbekend instrument"), ("aanbieder=12AB", "AGB-code"),
                ("zorgsoort=4", "productcategorie"), ("sorteer=kleur", "onbekende kolom"), ("regio=Nergens", "regio"),
                ("richting=omhoog", "richting"),
            ] {
                try await client.execute(uri: "/?\(query)", method: .get, headers: server.reader) { response in
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(String(buffer: response.body).contains(message), "\(query)")
                }
            }
        }
    }
}
