import Contracts
import Domain
import Foundation
import Messaging
import Testing

@testable import MonitorService

/// Intensiteitsnorm: at most 18 hours a week of care per client; above it in 2 of 3
/// months is not incidental and the care above the norm would be unlawful. Every figure
/// below is worked out by hand in the comments.
@Suite struct IntensiteitsnormTests {
    let base = MonitorCoreTests()
    let april = Month(year: 2026, month: 4)!

    func line(
        _ id: Int64, client: String = "p-1", month: Month, hours volume: Int64, eenheid: String = "04",
        tariff: Int64 = 10_000, from: String? = nil, to: String? = nil
    ) -> DeclaredLine {
        var line = base.line(id, cents: volume * tariff)
        line.client = client
        line.periodStart = from.flatMap(Day.init(iso:)) ?? month.firstDay
        line.periodEnd = to.flatMap(Day.init(iso:)) ?? month.lastDay
        line.volume = volume
        line.eenheid = eenheid
        line.tariffCents = tariff
        return line
    }

    func addNorm(_ core: MonitorCore, measure: IntensityMeasure = .init()) throws -> NormStatus {
        try core.addNorm(
            NormAddRequest(
                name: "VDB max 18 uur per week", kind: .intensiteitsnorm, gemeenten: ["0268"], aanbieder: nil,
                productCategorieen: ["45"], period: "2026", limit: 18, intensity: measure))
    }

    func assessed(_ core: MonitorCore) throws -> [IntensityAssessed] {
        try base.outbox(core).filter { $0.kind == IntensityAssessed.kind.rawValue }.map {
            try IntensityAssessed.decoded(from: $0.body)
        }
    }

    func alerts(_ core: MonitorCore) throws -> [String] {
        try base.outbox(core).compactMap { event in
            switch event.kind {
            case AlertFiring.kind.rawValue:
                let e = try AlertFiring.decoded(from: event.body)
                return "firing \(e.alertKind.rawValue) \(e.value)"
            case AlertResolved.kind.rawValue:
                let e = try AlertResolved.decoded(from: event.body)
                return "resolved \(e.alertKind.rawValue) \(e.value)"
            default: return nil
            }
        }
    }

    @Test func oneMonthAboveIsIncidentalTwoInThreeMonthsIsUnlawful() throws {
        let core = try MonitorCoreTests().makeCore()
        _ = try addNorm(core)
        let sink = core.intakeSink(afterCommit: {})
        // April, 30 days: 18 h × 60 × 30 / 7 = 4,628 minutes allowed. 80 h = 4,800 minutes:
        // 172 above; € 8.000,00 × 172 / 4,800 = 28,666 cents. One month: incidental.
        try sink.apply([try base.event(1, accepted: line(1, month: april, hours: 80))])
        var events = try assessed(core)
        #expect(events.count == 1)
        #expect(
            events.last?.verdict
                == IntensityVerdict(allowed: 4_628, above: 172, amountAboveCents: 28_666, structural: false))
        #expect(try alerts(core).isEmpty)
        #expect(try core.normStatuses()[0].value == 0)

        // May, 31 days: 4,782 allowed; 70 h = 4,200 minutes is below: nothing new.
        try sink.apply([try base.event(2, accepted: line(2, month: april.next, hours: 70))])
        #expect(try assessed(core).count == 1)

        // June: 90 h = 5,400 minutes, 772 above; € 9.000,00 × 772 / 5,400 = 128,666 cents.
        // April and June share the window April–June: both structural, 157,332 unlawful.
        try sink.apply([try base.event(3, accepted: line(3, month: april.adding(months: 2), hours: 90))])
        events = try assessed(core)
        #expect(events.count == 3)
        #expect(events.dropFirst().allSatisfy { $0.verdict.structural })
        #expect(Set(events.dropFirst().map(\.month.description)) == ["2026-04", "2026-06"])
        #expect(try core.normStatuses()[0].value == 157_332)
        #expect(try alerts(core) == ["firing intensity 157332"])
        let months = try #require(try core.normStatuses()[0].intensityMonths)
        #expect(months.map(\.verdict.amountAboveCents) == [128_666, 28_666])

        // June credited: April alone again, incidental; the alert resolves.
        try sink.apply([
            try base.event(4, credited: line(3, month: april.adding(months: 2), hours: 90))
        ])
        #expect(try core.normStatuses()[0].value == 0)
        #expect(try alerts(core) == ["firing intensity 157332", "resolved intensity 0"])
        let last = try assessed(core).suffix(2)
        #expect(
            Set(last.map { "\($0.month) \($0.verdict.above) \($0.verdict.structural)" }) == [
                "2026-06 0 false", "2026-04 172 false",
            ])
    }

    @Test func minutesCountAgainstAnHourlyNormOtherUnitsDoNot() throws {
        let core = try MonitorCoreTests().makeCore()
        _ = try addNorm(core, measure: IntensityMeasure(per: .week, windowMonths: 1, monthsAbove: 1))
        let sink = core.intakeSink(afterCommit: {})
        // 5,000 minutes at 167 cents = € 8.350,00; 372 above 4,628: 835,000 × 372 / 5,000 = 62,124.
        // With "1 of 1" every month above is structural.
        try sink.apply([
            try base.event(1, accepted: line(1, client: "p-2", month: april, hours: 5_000, eenheid: "01", tariff: 167)),
            try base.event(2, accepted: line(2, client: "p-3", month: april, hours: 60, eenheid: "16", tariff: 5_000)),
        ])
        #expect(try core.normStatuses()[0].value == 62_124)
        #expect(try assessed(core).map(\.client) == ["p-2"])
    }

    @Test func aPartMonthAllowsItsDaysOnlyAndAMonthlyNormAllowsTheWholeLimit() throws {
        let core = try MonitorCoreTests().makeCore()
        _ = try addNorm(core, measure: IntensityMeasure(per: .week, windowMonths: 1, monthsAbove: 1))
        _ = try core.addNorm(
            NormAddRequest(
                name: "Max 40 uur per maand", kind: .intensiteitsnorm, gemeenten: ["0268"], aanbieder: "12345678",
                productCategorieen: ["45"], period: "2026", limit: 40,
                intensity: IntensityMeasure(per: .maand, windowMonths: 1, monthsAbove: 1)))
        let sink = core.intakeSink(afterCommit: {})
        // 15–30 April is 16 days: 1,080 × 16 / 7 = 2,468 minutes. 45 h = 2,700: 232 above,
        // 450,000 × 232 / 2,700 = 38,666. Per month: 2,400 allowed, 300 above, 50,000.
        try sink.apply([
            try base.event(1, accepted: line(1, month: april, hours: 45, from: "2026-04-15", to: "2026-04-30"))
        ])
        let values = try core.normStatuses().map(\.value)
        #expect(values == [38_666, 50_000])
    }

    @Test func aNormAddedLaterOrChangedJudgesWhatWasAlreadyDeclared() throws {
        let core = try MonitorCoreTests().makeCore()
        let sink = core.intakeSink(afterCommit: {})
        try sink.apply([
            try base.event(1, accepted: line(1, month: april, hours: 80)),
            try base.event(2, accepted: line(2, month: april.next, hours: 85)),
        ])
        // May, 31 days: 4,782 allowed, 85 h = 5,100: 318 above, 850,000 × 318 / 5,100 = 53,000.
        let status = try addNorm(core)
        #expect(status.value == 28_666 + 53_000)
        #expect(try alerts(core) == ["firing intensity 81666"])
        // Raised to 20 h a week: April allows 5,142, May 5,314; neither is above: resolved.
        let changed = try core.changeNorm(NormChangeRequest(id: status.norm.id, limit: 20))
        #expect(changed.value == 0)
        #expect(try alerts(core) == ["firing intensity 81666", "resolved intensity 0"])
    }
}
