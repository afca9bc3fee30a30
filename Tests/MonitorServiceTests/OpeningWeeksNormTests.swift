import Contracts
import Domain
import Foundation
import Messaging
import Testing

@testable import MonitorService

/// The 47-weeks norm as a signal: a client's ISO weeks with care in a year, counted from
/// the declared periods, and one `opening.weeks.above` when the count passes the norm.
@Suite struct OpeningWeeksNormTests {
    let intensity = IntensiteitsnormTests()

    func addNorm(_ core: MonitorCore) throws -> NormStatus {
        try core.addNorm(
            NormAddRequest(
                name: "VDB 18 uur per week, 47 weken per jaar", kind: .intensiteitsnorm, gemeenten: ["0268"],
                aanbieder: nil, productCategorieen: ["45"], period: "2026", limit: 18,
                intensity: IntensityMeasure(openWeeks: 47)))
    }

    /// Week 1 of 2026 from Thursday 1 January (Monday 29 December is in 2025, outside the
    /// norm's period), then Monday to Friday of ISO weeks 2…`last`, 8 hours each.
    func weekly(through last: Int, client: String = "p-1") throws -> [LoggedEvent] {
        var events: [LoggedEvent] = []
        for week in 1...last {
            let monday = Day(iso: "2026-01-05")!.adding(days: 7 * (week - 2))
            let (from, to) = week == 1 ? ("2026-01-01", "2026-01-02") : (monday.iso, monday.adding(days: 4).iso)
            let line = intensity.line(
                Int64(week), client: client, month: Day(iso: from)!.month, hours: 8, from: from, to: to)
            events.append(try intensity.base.event(Int64(week), accepted: line))
        }
        return events
    }

    func signals(_ core: MonitorCore) throws -> [OpeningWeeksAbove] {
        try intensity.base.outbox(core).filter { $0.kind == OpeningWeeksAbove.kind.rawValue }.map {
            try OpeningWeeksAbove.decoded(from: $0.body)
        }
    }

    @Test func theFortyEighthWeekSignalsOnceAndACreditTakesNoWeekAway() throws {
        let core = try MonitorCoreTests().makeCore()
        _ = try addNorm(core)
        let sink = core.intakeSink(afterCommit: {})
        let lines = try weekly(through: 49)
        // 47 weeks: at the norm, no signal.
        try sink.apply(Array(lines.prefix(47)))
        #expect(try signals(core).isEmpty)
        // Week 48 starts Monday 23 November 2026: 48 weeks, one above 47.
        try sink.apply([lines[47]])
        let signal = try #require(try signals(core).first)
        #expect(signal.weeks == 48 && signal.limit == 47 && signal.year == 2026 && signal.client == "p-1")
        #expect(signal.aanbieder == "12345678")
        // Week 49, and a credit of week 48's line: still the one signal.
        try sink.apply([lines[48]])
        var credit = intensity.line(
            48, month: Month(year: 2026, month: 11)!, hours: 8, from: "2026-11-23", to: "2026-11-27")
        credit.client = "p-1"
        try sink.apply([try intensity.base.event(50, credited: credit)])
        #expect(try signals(core).count == 1)
        // 8 hours a week is far below 18: nothing is above the hours norm, nothing unlawful.
        #expect(try core.normStatuses()[0].value == 0)
    }

    @Test func aNormAddedLaterCountsTheWeeksAlreadyDeclared() throws {
        let core = try MonitorCoreTests().makeCore()
        let sink = core.intakeSink(afterCommit: {})
        try sink.apply(try weekly(through: 49))
        // Whole months all year for p-2 touch every one of 2026's 53 weeks: a signal too,
        // which is why the norm is a signal and never a verdict (docs/POLICY.md).
        var months: [LoggedEvent] = []
        for month in 1...12 {
            let line = intensity.line(
                Int64(100 + month), client: "p-2", month: Month(year: 2026, month: month)!, hours: 40)
            months.append(try intensity.base.event(Int64(49 + month), accepted: line))
        }
        try sink.apply(months)
        _ = try addNorm(core)
        let signals = try signals(core)
        #expect(Set(signals.map(\.client)) == ["p-1", "p-2"])
        // Counted again month by month from the cells: through October both have weeks 1–44;
        // November's cell (p-1: 2 November to 4 December, p-2: the whole month) adds weeks
        // 45–49 at once, so each is signalled at 49 weeks.
        #expect(signals.map(\.weeks) == [49, 49])
        // Changed (a higher hours limit): counted again, no client signalled twice.
        _ = try core.changeNorm(NormChangeRequest(id: 1, limit: 20))
        #expect(try self.signals(core).count == 2)
    }

    @Test func aWeeksLimitOutsideOneToFiftyThreeIsRefused() throws {
        let core = try MonitorCoreTests().makeCore()
        #expect(throws: MonitorError.self) {
            try core.addNorm(
                NormAddRequest(
                    name: "x", kind: .intensiteitsnorm, gemeenten: ["0268"], aanbieder: nil, productCategorieen: [],
                    period: "2026", limit: 18, intensity: IntensityMeasure(openWeeks: 0)))
        }
    }
}
