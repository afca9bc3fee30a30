import Contracts
import Domain
import Foundation
import Logging
import Messaging
import Storage
import Testing

@testable import MonitorService

/// Inflow as Nijmegen counts it: youths "(opnieuw) in zorg genomen", so a client back after
/// `instroom_gap_months` without care counts again, is checked against a stop, and an
/// instroomtarget is forecast and advised on before it is exceeded.
@Suite struct InflowGapTests {
    let base = MonitorCoreTests()
    static let december = Date(timeIntervalSince1970: TimeInterval(Day(iso: "2026-12-01")!.daysSince1970 * 86_400))

    func core(gap: Int = 12, clock: Date = Self.december) throws -> MonitorCore {
        try MonitorCore(
            database: .inMemory(), clock: { clock },
            forecastSettings: RunRateForecast.Settings(lookback: 3, lagDays: 3650, minimumMonths: 3),
            arrivals: CareArrivals(gapMonths: gap), logger: Logger(label: "test"))
    }

    func line(_ seq: Int64, client: String, month: String) throws -> LoggedEvent {
        var line = base.line(seq, cents: 1_000)
        line.client = client
        line.periodStart = Month(month)!.firstDay
        line.periodEnd = Month(month)!.lastDay
        return try base.event(seq, accepted: line)
    }

    func addTarget(_ core: MonitorCore, limit: Int64) throws {
        _ = try core.addNorm(
            NormAddRequest(
                name: "Instroom", kind: .instroomtarget, gemeenten: ["0268"], aanbieder: "12345678",
                productCategorieen: ["45"], period: "2026", limit: limit))
    }

    /// p-a: December 2024, back February 2026 (13 months without care: new again);
    /// p-b: March 2025, back February 2026 (10 months: the same episode); p-c: new in March.
    func history() throws -> [LoggedEvent] {
        [
            try line(1, client: "p-a", month: "2024-12"), try line(2, client: "p-b", month: "2025-03"),
            try line(3, client: "p-a", month: "2026-02"), try line(4, client: "p-b", month: "2026-02"),
            try line(5, client: "p-c", month: "2026-03"),
        ]
    }

    @Test func aClientBackAfterTwelveMonthsWithoutCareCountsAgain() throws {
        let core = try core()
        try addTarget(core, limit: 100)
        try core.intakeSink(afterCommit: {}).apply(try history())
        #expect(try core.normStatuses()[0].value == 2)
    }

    @Test func theGapIsConfigurable() throws {
        let core = try core(gap: 6)
        try addTarget(core, limit: 100)
        try core.intakeSink(afterCommit: {}).apply(try history())
        #expect(try core.normStatuses()[0].value == 3)
    }

    /// The counts are kept per client with the gap they were made with; started with
    /// another `instroom_gap_months`, monitor counts its targets afresh before any line,
    /// and goes on per client from there.
    @Test func aChangedGapIsCountedAfreshAtStart() throws {
        let database = try MonitorDatabase.inMemory()
        func core(gap: Int) throws -> MonitorCore {
            try MonitorCore(
                database: database, clock: { Self.december }, arrivals: CareArrivals(gapMonths: gap),
                logger: Logger(label: "test"))
        }
        let first = try core(gap: 12)
        try addTarget(first, limit: 100)
        try first.intakeSink(afterCommit: {}).apply(try history())
        #expect(try first.normStatuses()[0].value == 2)
        let second = try core(gap: 6)
        #expect(try second.normStatuses()[0].value == 3)
        // p-b back in December after nine months away: an arrival again under the six-month
        // gap, but a client counts once in a period (in February).
        try second.intakeSink(afterCommit: {}).apply([try line(6, client: "p-b", month: "2026-12")])
        #expect(try second.normStatuses()[0].value == 3)
        try second.intakeSink(afterCommit: {}).apply([try line(7, client: "p-d", month: "2026-11")])
        #expect(try second.normStatuses()[0].value == 4)
        let months = try database.writer.read { db in
            try NormMonthRecord.fetchAll(db).filter { $0.normID == 1 }.map { "\($0.month) \($0.value)" }.sorted()
        }
        #expect(months == ["2026-02 2", "2026-03 1", "2026-11 1"])
    }

    @Test func aNormAddedLaterCountsTheSameFromTheStoredMonths() throws {
        let core = try core()
        try core.intakeSink(afterCommit: {}).apply(try history())
        try addTarget(core, limit: 100)
        #expect(try core.normStatuses()[0].value == 2)
    }

    @Test func aReturningClientDuringAStopIsCheckedAgainstTheExemptions() throws {
        let april = Date(timeIntervalSince1970: TimeInterval(Day(iso: "2026-04-01")!.daysSince1970 * 86_400 + 36_000))
        let core = try core(clock: april)
        _ = try base.addNorm(core)
        let sink = core.intakeSink(afterCommit: {})
        try sink.apply([
            try line(1, client: "p-back", month: "2025-02"), try line(2, client: "p-on", month: "2026-01"),
        ])
        _ = try core.imposeStop(StopImposeRequest(normID: 1, by: "J. de Vries", reason: "analysegesprek"))
        try sink.apply([
            try line(3, client: "p-back", month: "2026-04"),  // 13 months without care: arrives again
            try line(4, client: "p-on", month: "2026-04"),  // two months' break: continuing care
        ])
        let flagged = try base.outbox(core).filter { $0.kind == "inflow.during.stop" }.map {
            try InflowDuringStop.decoded(from: $0.body).client
        }
        #expect(flagged == ["p-back"])
    }

    /// Two new clients a month: after April's lines January–March are complete, the rate
    /// is 2 and the count heads for 6 + 2 (April) + 8 × 2 = 24 against a target of 10,
    /// advised while the count is 7.
    @Test func anInstroomtargetIsForecastAndAdvisedBeforeItIsExceeded() throws {
        let core = try core()
        try addTarget(core, limit: 10)
        let sink = core.intakeSink(afterCommit: {})
        var seq: Int64 = 0
        for (month, clients) in [("2026-01", 2), ("2026-02", 2), ("2026-03", 2)] {
            for index in 0..<clients {
                seq += 1
                try sink.apply([try line(seq, client: "p-\(month)-\(index)", month: month)])
            }
        }
        #expect(try base.outbox(core).filter { $0.kind == "stop.advised" }.isEmpty)
        try sink.apply([try line(seq + 1, client: "p-april", month: "2026-04")])
        let status = try #require(try core.normStatuses().first)
        #expect(status.value == 7)
        #expect(status.forecast?.projectedTotal == 24)
        #expect(status.forecast?.indicative == false)
        let advised = try base.outbox(core).filter { $0.kind == "stop.advised" }.map {
            try StopAdvised.decoded(from: $0.body)
        }
        #expect(advised.map(\.advice) == [.impose])
        #expect(advised.first?.value == 7)
        #expect(advised.first?.projectedTotal == 24)
    }
}
