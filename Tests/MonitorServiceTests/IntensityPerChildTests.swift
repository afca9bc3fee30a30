import Contracts
import Domain
import Foundation
import Messaging
import Testing

@testable import MonitorService

/// An intensiteitsnorm that says it is about the child (`--per-kind`) adds up one
/// client's care at every provider in its scope; the default judges per provider.
@Suite struct IntensityPerChildTests {
    let intensity = IntensiteitsnormTests()
    let april = Month(year: 2026, month: 4)!
    let everyMonth = IntensityMeasure(per: .week, windowMonths: 1, monthsAbove: 1)

    /// 50 h at one provider and 40 h at another in April, at € 100,00 an hour.
    func twoProviders() throws -> [LoggedEvent] {
        var first = intensity.line(1, month: april, hours: 50)
        first.aanbieder = "12345678"
        var second = intensity.line(2, month: april, hours: 40)
        second.aanbieder = "87654321"
        return [try intensity.base.event(1, accepted: first), try intensity.base.event(2, accepted: second)]
    }

    func addPerChild(_ core: MonitorCore) throws -> NormStatus {
        var measure = everyMonth
        measure.perChild = true
        return try core.addNorm(
            NormAddRequest(
                name: "VDB max 18 uur per week per kind", kind: .intensiteitsnorm, gemeenten: ["0268"],
                aanbieder: nil, productCategorieen: ["45"], period: "2026", limit: 18, intensity: measure))
    }

    @Test func aPerChildNormAddsUpTheCareOfAllProvidersAndTheDefaultDoesNot() throws {
        let core = try MonitorCoreTests().makeCore()
        _ = try intensity.addNorm(core, measure: everyMonth)  // 1: per provider
        _ = try addPerChild(core)  // 2: per child
        try core.intakeSink(afterCommit: {}).apply(try twoProviders())
        // Per provider: 3,000 and 2,400 minutes, each under April's 4,628: nothing above.
        // Per child: 5,400 minutes, 772 above; € 9.000,00 × 772 / 5,400 = 128,666 cents.
        #expect(try core.normStatuses().map(\.value) == [0, 128_666])
        let assessed = try intensity.assessed(core)
        #expect(assessed.map(\.normID) == [2])
        #expect(assessed.first?.aanbieder == IntensityLedger.allProviders)
        #expect(assessed.first?.used == 5_400)
    }

    @Test func aPerChildNormAddedLaterJudgesWhatWasDeclaredTheSameWay() throws {
        let core = try MonitorCoreTests().makeCore()
        try core.intakeSink(afterCommit: {}).apply(try twoProviders())
        #expect(try addPerChild(core).value == 128_666)
        #expect(try core.normStatuses()[0].norm.intensity?.perChild == true)
    }

    @Test func aCPVApprovalUnderAPerChildNormCoversTheChildAtEveryProvider() throws {
        let core = try MonitorCoreTests().makeCore()
        _ = try addPerChild(core)
        try core.intakeSink(afterCommit: {}).apply(try twoProviders())
        // The allocation is at the first provider (lines carry allocation "1"); 3 hours a week
        // more: 21 × 60 × 30 / 7 = 5,400 allowed, exactly the 5,400 used: nothing above.
        _ = try core.decideIntensityCPV(
            IntensityCPVRequest(
                toewijzingNummer: "1", normID: 1, granted: true, extra: 3, from: april, through: april,
                reason: "maatwerk in overleg met ouders", by: "CPV Nijmegen"))
        #expect(try core.normStatuses()[0].value == 0)
        let last = try #require(try intensity.assessed(core).last)
        #expect(last.verdict.above == 0 && last.verdict.approved == 772)
    }
}
