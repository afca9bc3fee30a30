import Contracts
import Domain
import Fixtures
import Foundation
import GRDB
import Messaging
import Storage
import Testing

@testable import ReporterService

/// A norm's status read for a whole list at once and read for the norm alone must agree:
/// the start page and the norm's own page show the same alerts, acknowledgements, stop
/// and inflow.
@Suite struct NormListFactsTests {
    let may10 = Date(timeIntervalSince1970: TimeInterval(Day(iso: "2026-05-10")!.daysSince1970 * 86_400))
    let fixture = AttentionTests()

    func event(_ seq: Int64, _ body: some EventBody) throws -> LoggedEvent {
        LoggedEvent(seq: seq, kind: type(of: body).kind.rawValue, body: try body.encoded())
    }

    /// Three norms: thresholds fired out of order with one acknowledged, a forecast alert
    /// and a stop with a client new during it, and one with nothing open.
    func core() throws -> ReporterCore {
        let core = ReporterCore(database: try .inMemory(clock: { may10 }))
        let one = fixture.norm(1, name: "Eén", limit: 100_000)
        let two = fixture.norm(2, name: "Twee", limit: 100_000)
        let three = fixture.norm(3, name: "Drie", limit: 100_000)
        let at = fixture.at
        try core.monitorSink().apply([
            try fixture.added(1, one), try fixture.added(2, two), try fixture.added(3, three),
            try fixture.firing(4, alertID: 10, one, kind: .actual, threshold: 90, value: 91_000),
            try fixture.firing(5, alertID: 11, one, kind: .actual, threshold: 70, value: 72_000),
            try fixture.firing(6, alertID: 12, two, kind: .forecast, threshold: 100, value: 50_000),
            try event(
                7, StopImposed(stopID: 1, normID: 2, aanbieder: two.scope.aanbieder, by: "J", reason: "r", at: at)),
            try event(
                8,
                InflowDuringStop(
                    stopID: 1, normID: 2, aanbieder: two.scope.aanbieder ?? "", gemeente: "0268", client: "p-1",
                    toewijzingNummer: nil, verwijzerType: nil, day: Day(iso: "2026-05-01")!)),
            try event(9, ProviderNamed(agb: one.scope.aanbieder!, naam: "Zorg Eén", by: nil, at: at)),
        ])
        try core.notifierSink().apply([
            try event(1, AlertAcknowledged(alertID: 11, normID: 1, by: "J. de Vries", note: "", at: at))
        ])
        try fixture.spend(core, agb: one.scope.aanbieder!, cents: 91_000, seq: 1)
        try fixture.spend(core, agb: two.scope.aanbieder!, cents: 40_000, seq: 2)
        return core
    }

    @Test func aListAndANormsOwnPageReadTheSameStatus() async throws {
        let core = try core()
        let listed = try await core.database.norms()
        #expect(listed.count == 3)
        for norm in listed {
            let own = try #require(try await core.database.norm(id: norm.id))
            #expect(own.firingThresholds == norm.firingThresholds)
            #expect(own.forecastFiring == norm.forecastFiring)
            #expect(own.unacknowledgedAlerts == norm.unacknowledgedAlerts)
            #expect(own.escalatesOn == norm.escalatesOn)
            #expect(own.stop == norm.stop)
            #expect(own.inflowDuringStop == norm.inflowDuringStop)
        }
        let one = try #require(listed.first { $0.id == 1 })
        #expect(one.firingThresholds == [70, 90])  // lowest first, whatever order they fired in
        #expect(one.unacknowledgedAlerts == 1)  // 70% was acknowledged
        let two = try #require(listed.first { $0.id == 2 })
        #expect(two.forecastFiring && two.stop == .imposed && two.inflowDuringStop == 1)
        let three = try #require(listed.first { $0.id == 3 })
        #expect(three.firingThresholds.isEmpty && three.unacknowledgedAlerts == 0 && three.stop == nil)
    }

    /// Past `readOneByOneUpTo` norms the facts are read for all at once; what a norm gets
    /// must not depend on which way was taken.
    @Test func manyNormsAreReadAtOnceWithTheSameResult() async throws {
        let core = try core()
        let (norms, oneByOne, atOnce) = try await core.database.writer.read { db in
            let norms = try NormDefinitionTables.all(db)
            return (
                norms, try NormListFacts.read(db, norms: norms),
                // One norm more than the threshold, whichever: all are read at once.
                try NormListFacts.read(
                    db, norms: Array(repeating: norms[0], count: NormListFacts.readOneByOneUpTo + 1))
            )
        }
        #expect(norms.count == 3)
        for norm in norms {
            let a = oneByOne.firing(normID: norm.id)
            let b = atOnce.firing(normID: norm.id)
            #expect(a.actual == b.actual && a.intensity == b.intensity && a.forecast == b.forecast)
            #expect(a.unacknowledged == b.unacknowledged && a.oldestUnacknowledged == b.oldestUnacknowledged)
            #expect(oneByOne.stop(normID: norm.id) == atOnce.stop(normID: norm.id))
            #expect(oneByOne.inflowDuringStop(normID: norm.id) == atOnce.inflowDuringStop(normID: norm.id))
            #expect(oneByOne.providerName(norm.scope.aanbieder) == atOnce.providerName(norm.scope.aanbieder))
        }
        #expect(atOnce.firing(normID: 1).actual == [70, 90])
        #expect(atOnce.inflowDuringStop(normID: 2) == 1)
        #expect(oneByOne.providerName(norms[0].scope.aanbieder) == "Zorg Eén")
        let (spendOneByOne, spendAtOnce) = try await core.database.writer.read { db in
            (
                try norms.map { try oneByOne.spendByMonth(db, norm: $0) },
                try norms.map { try atOnce.spendByMonth(db, norm: $0) }
            )
        }
        #expect(spendOneByOne == spendAtOnce)
        #expect(spendAtOnce.contains { !$0.isEmpty })
    }

    /// The start page's two lists from one read (`overview`) are the lists read apart: the
    /// same norms in the same order with the same figures, for a page of few norms (facts
    /// read norm by norm) and for 600 open norms with a page of 500 (facts read at once).
    @Test func theOverviewIsTheAttentionListAndThePageReadApart() async throws {
        let core = try core()
        var events: [LoggedEvent] = []
        for id in Int64(100)..<700 {
            let norm = fixture.norm(id, name: "Norm \(id)", limit: 100_000)
            events.append(try fixture.added(Int64(events.count + 10), norm))
            events.append(
                try fixture.firing(
                    Int64(events.count + 10), alertID: id, norm, kind: .actual, threshold: 50 + Int(id % 50),
                    value: 50_000 + id))
        }
        let few = try await core.database.overview(where: { $0.id < 100 }, page: 1, perPage: 2)
        #expect(try await few.attention == core.database.normsNeedingAttention(where: { $0.id < 100 }))
        let fewApart = try await core.database.norms(where: { $0.id < 100 }, page: 1, perPage: 2)
        #expect(few.page.items == fewApart.items && few.page.total == fewApart.total)
        #expect(few.attention.map(\.id) == [1, 2] && few.page.items.map(\.id) == [1, 2])
        try core.monitorSink().apply(events)
        for (page, perPage) in [(1, 500), (2, 500)] {
            let both = try await core.database.overview(where: { _ in true }, page: page, perPage: perPage)
            #expect(try await both.attention == core.database.normsNeedingAttention(where: { _ in true }))
            let apart = try await core.database.norms(where: { _ in true }, page: page, perPage: perPage)
            #expect(both.page.items == apart.items && both.page.total == apart.total)
            #expect(both.attention.count == 602 && both.page.total == 603)
        }
    }

    /// A norm's spend from every cell read once (`SpendCellIndex`) is what the store's
    /// query gives, over random cells and random scopes: with and without a provider,
    /// gemeenten (one named twice), categories and codes, periods of a year or a quarter.
    @Test func aNormsSpendFromTheCellsInMemoryIsTheStoresOwn() async throws {
        for seed in UInt64(0)..<20 {
            var random = SeededGenerator(seed: seed)
            let core = ReporterCore(database: try .inMemory(clock: { may10 }))
            let providers = ["11111111", "22222222", "33333333"]
            let gemeenten = ["0268", "0252", "0241"]
            let categories = ["45", "46"]
            let codes = ["45A03", "45A48", "46A01"]
            var lines: [LoggedEvent] = []
            for id in Int64(1)...120 {
                let month = Month(year: 2026, month: Int.random(in: 1...12, using: &random))!
                var line = ReadModelTests().line(
                    id, cents: Int64.random(in: -5_000...90_000, using: &random), month: month)
                line.aanbieder = providers.randomElement(using: &random)!
                line.gemeente = gemeenten.randomElement(using: &random)!
                line.productCategorie = categories.randomElement(using: &random)!
                line.productCode = Bool.random(using: &random) ? codes.randomElement(using: &random)! : nil
                lines.append(
                    LoggedEvent(seq: id, kind: LineAccepted.kind.rawValue, body: try LineAccepted(line: line).encoded())
                )
            }
            try core.intakeSink().apply(lines)
            var norms: [NormDefinition] = []
            for id in Int64(1)...30 {
                var scoped = gemeenten.filter { _ in Bool.random(using: &random) }
                if let first = scoped.first, Bool.random(using: &random) { scoped.append(first) }
                norms.append(
                    NormDefinition(
                        id: id, name: "N\(id)", kind: .bestedingsruimte,
                        scope: NormScope(
                            gemeenten: scoped,
                            aanbieder: Bool.random(using: &random) ? providers.randomElement(using: &random) : nil,
                            productCategorieen: categories.filter { _ in Bool.random(using: &random) },
                            productCodes: codes.filter { _ in Int.random(in: 0..<3, using: &random) == 0 }),
                        period: Bool.random(using: &random)
                            ? .year(2026) : Period(start: Day(iso: "2026-04-01")!, end: Day(iso: "2026-06-30")!)!,
                        limit: 1_000_000))
            }
            let scopes = norms
            let (fromStore, fromIndex) = try await core.database.writer.read { db in
                let index = try SpendCellIndex.read(db)
                return (
                    try scopes.map { try SpendCells.byMonth(db, norm: $0) }, scopes.map { index.byMonth(norm: $0) }
                )
            }
            #expect(fromIndex == fromStore, "seed \(seed)")
            #expect(fromStore.contains { !$0.isEmpty }, "seed \(seed): the norms count some spend")
        }
    }

    /// The percentage is written without Foundation's formatter: two digits after the point.
    @Test func thePercentageHasTwoDigitsAfterThePoint() throws {
        let today = Day(iso: "2026-05-10")!
        let norm = fixture.norm(1, name: "Eén", limit: 10_000)
        let cases: [(Int64, String)] = [(5, "0.05"), (100, "1.00"), (1_234_567, "12345.67"), (-5, "-0.05")]
        for (cents, text) in cases {
            let figures = NormFigures(norm: norm, byMonth: [Month("2026-03")!: cents], firing: [], today: today)
            #expect(figures.percentage == text, "\(cents) cents of 10,000")
        }
    }
}
