import Contracts
import Domain
import Foundation
import Messaging
import Testing

@testable import MonitorService

/// The CPV's exception route for intensity (Nijmegen: "Uiteraard kan het voorkomen dat
/// een kind gebaat is bij meer uren dagbehandeling. Daarvoor organiseren we een
/// uitzonderingsroute"): extra care granted for a client's allocation is lawful, the
/// unlawful amount drops, the alert follows, and a refusal is on record. Figures by hand.
@Suite struct IntensityCPVTests {
    let intensity = IntensiteitsnormTests()
    let april = Month(year: 2026, month: 4)!

    /// 100 h in April, 110 h in May, 90 h in June at € 100,00 an hour, under allocation `A1`.
    func care(_ core: MonitorCore, client: String = "p-1", allocation: String = "A1", from seq: Int64 = 1) throws {
        var events: [LoggedEvent] = []
        for (offset, hours) in [100, 110, 90].enumerated() {
            var line = intensity.line(
                seq + Int64(offset), client: client, month: april.adding(months: offset), hours: Int64(hours))
            line.toewijzingNummer = allocation
            events.append(try intensity.base.event(seq + Int64(offset), accepted: line))
        }
        try core.intakeSink(afterCommit: {}).apply(events)
    }

    func request(
        _ granted: Bool = true, allocation: String = "A1", extra: Int64 = 6, from: Month? = nil, through: Month? = nil
    ) -> IntensityCPVRequest {
        IntensityCPVRequest(
            toewijzingNummer: allocation, normID: 1, granted: granted, extra: extra, from: from ?? april,
            through: through ?? april.next, reason: "kind is gebaat bij meer uren; overgang naar onderwijs in juni",
            by: "CPV Nijmegen")
    }

    func decided(_ core: MonitorCore) throws -> [IntensityCPVDecided] {
        try intensity.base.outbox(core).filter { $0.kind == IntensityCPVDecided.kind.rawValue }.map {
            try IntensityCPVDecided.decoded(from: $0.body)
        }
    }

    @Test func grantedExtraHoursAreLawfulAndTheUnlawfulAmountDrops() throws {
        let core = try MonitorCoreTests().makeCore()
        _ = try intensity.addNorm(core)
        try care(core)
        // Allowed 18 h a week: April (30 days) 4,628 minutes, May (31) 4,782, June 4,628.
        // April 6,000 used: 1,372 above, € 10.000,00 × 1,372 / 6,000 = 228,666 cents; May
        // 6,600: 1,818 above, 1,100,000 × 1,818 / 6,600 = 303,000; June 5,400: 772 above,
        // 900,000 × 772 / 5,400 = 128,666. All three structural: 660,332 unlawful. The alert
        // fired on May's line, which made April and May structural: 228,666 + 303,000.
        #expect(try core.normStatuses()[0].value == 660_332)
        #expect(try intensity.alerts(core) == ["firing intensity 531666"])

        // The CPV grants 6 hours a week more for April and May: 24 h a week allows 6,171
        // minutes in April (nothing above, 1,372 approved) and 6,377 in May (223 above,
        // 1,100,000 × 223 / 6,600 = 37,166; 1,595 approved). May and June stay above and
        // structural: 37,166 + 128,666 = 165,832.
        let event = try core.decideIntensityCPV(request())
        #expect(event.granted && event.client == "p-1" && event.aanbieder == "12345678")
        #expect(event.extraText == "6 uur per week extra, 2026-04 t/m 2026-05")
        #expect(try core.normStatuses()[0].value == 165_832)
        let assessed = try intensity.assessed(core)
        let aprilVerdict = try #require(assessed.last { $0.month == april })
        #expect(
            aprilVerdict.verdict
                == IntensityVerdict(allowed: 6_171, above: 0, amountAboveCents: 0, structural: false, approved: 1_372))
        let may = try #require(assessed.last { $0.month == april.next })
        #expect(
            may.verdict
                == IntensityVerdict(
                    allowed: 6_377, above: 223, amountAboveCents: 37_166, structural: true, approved: 1_595))
        // The alert is about the norm crossing zero: still firing (one alert per crossing).
        #expect(try intensity.alerts(core) == ["firing intensity 531666"])

        // A refusal for June is recorded and changes nothing.
        let refused = try core.decideIntensityCPV(
            request(false, extra: 4, from: april.adding(months: 2), through: april.adding(months: 2)))
        #expect(!refused.granted && refused.decisionID == event.decisionID + 1)
        #expect(try core.normStatuses()[0].value == 165_832)

        // A second grant of 4 more for April–June: May 10 h a week extra (7,440 allowed),
        // June 22 h a week (39,600 / 7 = 5,657 allowed, 5,400 used): nothing is unlawful and
        // the alert resolves.
        _ = try core.decideIntensityCPV(request(extra: 4, through: april.adding(months: 2)))
        #expect(try core.normStatuses()[0].value == 0)
        #expect(try intensity.alerts(core) == ["firing intensity 531666", "resolved intensity 0"])
        #expect(try decided(core).map(\.granted) == [true, false, true])
    }

    @Test func anApprovalRecordedBeforeTheCareCountsForTheLinesThatFollow() throws {
        let core = try MonitorCoreTests().makeCore()
        _ = try intensity.addNorm(core)
        // The start of care names allocation A2 for p-2: the CPV can decide before any line.
        try core.intakeSink(afterCommit: {}).apply([try StopTests().started(1, client: "p-2", toewijzing: "A2")])
        _ = try core.decideIntensityCPV(request(allocation: "A2", through: april.adding(months: 2)))
        try care(core, client: "p-2", allocation: "A2", from: 2)
        // 24 h a week in April–June: April and June within (6,171 allowed each; 1,372 and
        // 772 approved), May 223 above: one month alone is incidental, nothing unlawful.
        #expect(try core.normStatuses()[0].value == 0)
        let june = try #require(try intensity.assessed(core).last { $0.month == april.adding(months: 2) })
        #expect(june.verdict.above == 0 && june.verdict.approved == 772)
        #expect(try intensity.alerts(core).isEmpty)
    }

    @Test func anUnknownAllocationOrAnotherKindOfNormIsRefused() throws {
        let core = try MonitorCoreTests().makeCore()
        _ = try intensity.addNorm(core)
        try care(core)
        #expect(throws: MonitorError.self) { try core.decideIntensityCPV(request(allocation: "onbekend")) }
        #expect(throws: MonitorError.self) { try core.decideIntensityCPV(request(extra: 0)) }
        #expect(throws: MonitorError.self) {
            try core.decideIntensityCPV(request(from: april.next, through: april))
        }
        _ = try MonitorCoreTests().addNorm(core)  // norm 2, a bestedingsruimte
        var other = request()
        other.normID = 2
        #expect(throws: MonitorError.self) { try core.decideIntensityCPV(other) }
        #expect(try decided(core).isEmpty)
        #expect(try core.normStatuses()[0].value == 660_332)
    }
}
