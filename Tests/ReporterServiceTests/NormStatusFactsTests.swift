import Contracts
import Domain
import Foundation
import GRDB
import Messaging
import Testing

@testable import ReporterService

/// A norm's status read for a whole list at once and read for the norm alone must agree:
/// the start page and the norm's own page show the same alerts, acknowledgements, stop
/// and inflow.
@Suite struct NormStatusFactsTests {
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
        ])
        try core.notifierSink().apply([
            try event(1, AlertAcknowledged(alertID: 11, normID: 1, by: "J. de Vries", note: "", at: at))
        ])
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
        let (oneByOne, atOnce) = try await core.database.writer.read { db in
            (
                try NormStatusFacts.read(db, normIDs: [1, 2, 3]),
                try NormStatusFacts.read(db, normIDs: Array(1...Int64(NormStatusFacts.readOneByOneUpTo + 1)))
            )
        }
        for id: Int64 in 1...3 {
            let a = oneByOne.firing(normID: id)
            let b = atOnce.firing(normID: id)
            #expect(a.actual == b.actual && a.intensity == b.intensity && a.forecast == b.forecast)
            #expect(a.unacknowledged == b.unacknowledged && a.oldestUnacknowledged == b.oldestUnacknowledged)
            #expect(oneByOne.stop(normID: id) == atOnce.stop(normID: id))
            #expect(oneByOne.inflowDuringStop(normID: id) == atOnce.inflowDuringStop(normID: id))
        }
        #expect(atOnce.firing(normID: 1).actual == [70, 90])
        #expect(atOnce.inflowDuringStop(normID: 2) == 1)
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
