import Contracts
import Domain
import Testing

/// The intensiteitsnorm's pure rule: what is allowed, what is above, and when an excess
/// is not incidental.
struct IntensityAssessmentTests {
    let jan = Month(year: 2026, month: 1)!

    func use(_ minutes: Int64, days: Int = 31) -> IntensityUse {
        IntensityUse(used: minutes, cents: minutes * 100, days: days)
    }

    @Test func hoursAreMeasuredInMinutesAndOtherUnitsOnlyAgainstThemselves() {
        let hours = IntensityMeasure(eenheid: "04", per: .week)
        #expect(hours.scale(of: "04") == 60)
        #expect(hours.scale(of: "01") == 1)
        #expect(hours.scale(of: "16") == nil)
        let dagdelen = IntensityMeasure(eenheid: "16", per: .week)
        #expect(dagdelen.scale(of: "16") == 1)
        #expect(dagdelen.scale(of: "04") == nil)
        // 3 dagdelen a week over 31 days: 93 / 7 = 13 (rounded down).
        #expect(dagdelen.allowed(limit: 3, days: 31) == 13)
        #expect(IntensityMeasure(eenheid: "04", per: .maand).allowed(limit: 40, days: 12) == 2_400)
    }

    @Test func twoMonthsAboveInAnyWindowOfThreeAreStructural() {
        let measure = IntensityMeasure(eenheid: "01", per: .maand)  // 100 minutes a month
        let months: [Month: IntensityUse] = [
            jan: use(150),  // above, pairs with March
            jan.adding(months: 1): use(100),  // at the norm: not above
            jan.adding(months: 2): use(120),  // above
            jan.adding(months: 6): use(130),  // above, alone
            jan.adding(months: 9): use(110), jan.adding(months: 11): use(105),  // October and December: 3 apart
        ]
        let verdicts = IntensityAssessment.assess(months, limit: 100, measure: measure)
        let structural = verdicts.filter(\.value.structural).keys.map(\.description).sorted()
        #expect(structural == ["2026-01", "2026-03", "2026-10", "2026-12"])
        #expect(verdicts[jan.adding(months: 6)]?.structural == false)
        #expect(verdicts[jan.adding(months: 1)]?.above == 0)
        // 15,000 cents × 50 / 150 = 5,000; 12,000 × 20 / 120 = 2,000; 11,000 × 10 / 110 = 1,000;
        // 10,500 × 5 / 105 = 500.
        #expect(IntensityAssessment.unlawfulCents(verdicts.values) == 8_500)
    }

    @Test func creditsBelowZeroNeverMakeANegativeExcess() {
        let verdicts = IntensityAssessment.assess(
            [jan: IntensityUse(used: -60, cents: -6_000, days: 31)], limit: 1,
            measure: IntensityMeasure(eenheid: "04", per: .maand))
        #expect(verdicts[jan] == IntensityVerdict(allowed: 60, above: 0, amountAboveCents: 0, structural: false))
    }

    /// 18 hours a week, and the CPV granted 6 more a week for April and May.
    @Test func aCPVApprovalRaisesTheNormForItsMonthsOnly() {
        let april = Month(year: 2026, month: 4)!
        let measure = IntensityMeasure(eenheid: "04", per: .week)
        let months: [Month: IntensityUse] = [
            april: use(6_000, days: 30),  // 100 h
            april.next: use(6_600, days: 31),  // 110 h
            april.adding(months: 2): use(5_400, days: 30),  // 90 h, no approval
        ]
        let approval = IntensityApproval(extra: 6, from: april, through: april.next)
        let verdicts = IntensityAssessment.assess(months, limit: 18, measure: measure, approvals: [approval])
        // April: plain 18 × 60 × 30 / 7 = 4,628; with the extra 24 × 60 × 30 / 7 = 6,171. 6,000
        // used: nothing above, 6,000 − 4,628 = 1,372 minutes approved.
        #expect(
            verdicts[april]
                == IntensityVerdict(allowed: 6_171, above: 0, amountAboveCents: 0, structural: false, approved: 1_372))
        // May: 4,782 plain, 6,377 with the extra; 6,600 used: 223 above, 660,000 × 223 / 6,600 =
        // 22,300 cents; 6,377 − 4,782 = 1,595 approved. June, no approval: 4,628 allowed, 772
        // above, 540,000 × 772 / 5,400 = 77,200. May and June share a window: structural.
        #expect(
            verdicts[april.next]
                == IntensityVerdict(
                    allowed: 6_377, above: 223, amountAboveCents: 22_300, structural: true, approved: 1_595))
        #expect(
            verdicts[april.adding(months: 2)]
                == IntensityVerdict(allowed: 4_628, above: 772, amountAboveCents: 77_200, structural: true))
        #expect(IntensityAssessment.unlawfulCents(verdicts.values) == 99_500)
        // Without it all three are above and structural: 137,200 + 181,800 + 77,200.
        #expect(
            IntensityAssessment.unlawfulCents(IntensityAssessment.assess(months, limit: 18, measure: measure).values)
                == 396_200)
    }

    @Test func twoApprovalsForOneMonthAddUpAndAMonthOutsideHasNone() {
        let march = Month(year: 2026, month: 3)!
        let approvals = [
            IntensityApproval(extra: 2, from: march, through: march.next),
            IntensityApproval(extra: 3, from: march.next, through: march.adding(months: 5)),
        ]
        #expect(IntensityApproval.extra(in: march, approvals) == 2)
        #expect(IntensityApproval.extra(in: march.next, approvals) == 5)
        #expect(IntensityApproval.extra(in: march.previous, approvals) == 0)
    }
}
