import Contracts
import Domain
import Foundation
import Logging
import Messaging
import Storage
import Testing

@testable import MonitorService

/// The stop rules in monitor, as Nijmegen practises them: no forecast alert or stop advice
/// on fewer than `forecast_min_months` complete months, advice that says how sure it is,
/// and no lift while a new stop is expected within four months unless someone records why.
@Suite struct StopRuleTests {
    let base = MonitorCoreTests()
    /// Months are complete only once a later month is declared (as in the demo).
    static let settings = RunRateForecast.Settings(lookback: 3, lagDays: 3650, minimumMonths: 3)
    static let december = Date(timeIntervalSince1970: TimeInterval(Day(iso: "2026-12-01")!.daysSince1970 * 86_400))

    func core(minimumMonths: Int = 3) throws -> MonitorCore {
        var settings = Self.settings
        settings.minimumMonths = minimumMonths
        return try MonitorCore(
            database: .inMemory(), clock: { Self.december }, forecastSettings: settings, logger: Logger(label: "test"))
    }

    /// The line `id` for `month`, accepted or credited, as event `seq` (default: `id`).
    func declared(_ id: Int64, month: String, cents: Int64, credit: Bool = false, seq: Int64? = nil) throws
        -> LoggedEvent
    {
        let seq = seq ?? id
        var line = base.line(id, cents: cents)
        line.periodStart = Month(month)!.firstDay
        line.periodEnd = Month(month)!.lastDay
        return credit ? try base.event(seq, credited: line) : try base.event(seq, accepted: line)
    }

    func advice(_ core: MonitorCore) throws -> [StopAdvised] {
        try base.outbox(core).filter { $0.kind == "stop.advised" }.map { try StopAdvised.decoded(from: $0.body) }
    }

    func forecastAlerts(_ core: MonitorCore) throws -> [AlertFiring] {
        try base.outbox(core).filter { $0.kind == "alert.firing" }.map { try AlertFiring.decoded(from: $0.body) }
            .filter { $0.alertKind == .forecast }
    }

    @Test func noAdviceBeforeThreeCompleteMonthsThenAdviceWithItsSpread() throws {
        let core = try core()
        _ = try base.addNorm(core, limit: 100_000)
        let sink = core.intakeSink(afterCommit: {})
        let months = [("2026-01", Int64(10_000)), ("2026-02", 20_000), ("2026-03", 30_000), ("2026-04", 30_000)]
        for (index, (month, cents)) in months.enumerated().prefix(3) {
            try sink.apply([try declared(Int64(index + 1), month: month, cents: cents)])
        }
        // January and February complete: shown, indicative, nothing advised.
        let early = try #require(try core.normStatuses().first?.forecast)
        #expect(early.completeMonths == 2)
        #expect(early.indicative)
        #expect(early.projectedTotal == 10_000 + 20_000 + 30_000 + 9 * 15_000)
        #expect(try advice(core).isEmpty)
        #expect(try forecastAlerts(core).isEmpty)

        try sink.apply([try declared(4, month: months[3].0, cents: months[3].1)])
        // Jan–Mar complete: rate 20,000; 60,000 + April 30,000 + 8 × 20,000 = 250,000.
        let advised = try advice(core)
        #expect(advised.map(\.advice) == [.impose])
        #expect(advised.first?.projectedTotal == 250_000)
        let spread = try #require(
            advised.first.flatMap { a in a.projectedLow.flatMap { low in a.projectedHigh.map { (low, $0) } } })
        #expect(spread.0 == 60_000 + 30_000 + 8 * 10_000)
        #expect(spread.1 == 60_000 + 30_000 + 8 * 30_000)
        #expect(try forecastAlerts(core).map(\.forecastValue) == [250_000])
    }

    @Test func theMinimumBasisIsConfigurable() throws {
        let core = try core(minimumMonths: 1)
        _ = try base.addNorm(core, limit: 100_000)
        let sink = core.intakeSink(afterCommit: {})
        try sink.apply([try declared(1, month: "2026-01", cents: 10_000)])
        #expect(try advice(core).isEmpty)
        try sink.apply([try declared(2, month: "2026-02", cents: 20_000)])
        // January complete: 10,000 + February 20,000 + 10 × 10,000 = 130,000 > 100,000.
        #expect(try advice(core).map(\.projectedTotal) == [130_000])
    }

    /// A stop under a forecast of 360,000 against 300,000: lifting is refused without a
    /// recorded reason, and the reason travels with the lift.
    @Test func aLiftAgainstTheFourMonthRuleNeedsAReasonOnRecord() throws {
        let core = try core()
        _ = try base.addNorm(core, limit: 300_000)
        let sink = core.intakeSink(afterCommit: {})
        for (index, month) in ["2026-01", "2026-02", "2026-03", "2026-04"].enumerated() {
            try sink.apply([try declared(Int64(index + 1), month: month, cents: 30_000)])
        }
        _ = try core.imposeStop(StopImposeRequest(normID: 1, by: "J. de Vries", reason: "analysegesprek"))
        let refusal = #expect(throws: MonitorError.self) {
            try core.liftStop(StopLiftRequest(normID: 1, by: "J. de Vries", reason: "plan van aanpak werkt"))
        }
        #expect(
            refusal?.message
                == "opheffen kan nog niet: de prognose voor het eind van de periode is € 3.600,00, boven 100% van "
                + "€ 3.000,00. Binnen vier maanden wordt opnieuw een stop verwacht; hef alleen op met de reden erbij: "
                + "--ondanks REDEN")
        #expect(throws: MonitorError.self) {
            try core.liftStop(StopLiftRequest(normID: 1, by: "J. de Vries", reason: "x", despite: "  "))
        }
        let lifted = try core.liftStop(
            StopLiftRequest(
                normID: 1, by: "J. de Vries", reason: "plan van aanpak werkt", despite: "wethouder besloot 1 dec"))
        #expect(lifted.despite == "wethouder besloot 1 dec")
        let published = try base.outbox(core).filter { $0.kind == "stop.lifted" }.map {
            try StopLifted.decoded(from: $0.body)
        }
        #expect(published.map(\.despite) == ["wethouder besloot 1 dec"])
        let stored = try core.database.writer.read {
            try String.fetchOne($0, sql: "SELECT liftDespite FROM stop WHERE id = ?", arguments: [lifted.stopID])
        }
        #expect(stored == "wethouder besloot 1 dec")
    }

    @Test func aLiftWhereTheRuleHoldsIsAdvisedAndNeedsNoReason() throws {
        let core = try core()
        _ = try base.addNorm(core, limit: 300_000)
        let sink = core.intakeSink(afterCommit: {})
        for (index, month) in ["2026-01", "2026-02", "2026-03", "2026-04"].enumerated() {
            try sink.apply([try declared(Int64(index + 1), month: month, cents: 30_000)])
        }
        _ = try core.imposeStop(StopImposeRequest(normID: 1, by: "J. de Vries", reason: "analysegesprek"))
        // February and March credited: rate (30,000 + 0 + 0) / 3 = 10,000; 30,000 + 30,000
        // (April) + 8 × 10,000 = 140,000, and the limit is never reached.
        try sink.apply([try declared(2, month: "2026-02", cents: 30_000, credit: true, seq: 5)])
        try sink.apply([try declared(3, month: "2026-03", cents: 30_000, credit: true, seq: 6)])
        #expect(try advice(core).map(\.advice) == [.impose, .lift])
        #expect(try core.normStatuses().first?.forecast?.projectedTotal == 140_000)
        let lifted = try core.liftStop(StopLiftRequest(normID: 1, by: "J. de Vries", reason: "plan van aanpak werkt"))
        #expect(lifted.despite == nil)
    }
}
