import Contracts
import Domain
import Testing

/// The stop rules as the seeds state them, computed by hand (Nijmegen's four-month rule,
/// Holland Rijnland's 105%, no advice on too short a basis).
@Suite struct StopAdviceTests {
    let norm = NormDefinition(
        id: 1, name: "B", kind: .bestedingsruimte, scope: NormScope(gemeenten: ["0268"]), period: .year(2026),
        limit: 100_000)

    func forecast(projected: Int64, crossing: String?, indicative: Bool = false) -> RunRateForecast {
        RunRateForecast(
            basisMonths: ["2026-01"], ratePerMonth: 1, projectedTotal: projected,
            crossingDate: crossing.flatMap(Day.init(iso:)), completeMonths: indicative ? 1 : 3,
            indicative: indicative, projectedLow: projected, projectedHigh: projected)
    }

    @Test func theHorizonIsTheSameDayFourMonthsOnOrTheMonthsLastDay() {
        #expect(StopAdvice.horizon(from: Day(iso: "2026-03-15")!) == Day(iso: "2026-07-15"))
        #expect(StopAdvice.horizon(from: Day(iso: "2026-10-31")!) == Day(iso: "2027-02-28"))
    }

    @Test func anIndicativeForecastAdvisesNoStopButAValueOverTheLimitDoes() {
        let above = forecast(projected: 150_000, crossing: "2026-09-01", indicative: true)
        #expect(!StopAdvice.imposeAdvised(norm: norm, value: 20_000, forecast: above))
        #expect(
            StopAdvice.imposeAdvised(
                norm: norm, value: 20_000, forecast: forecast(projected: 150_000, crossing: "2026-09-01")))
        // The spend itself over the limit is a fact, not a forecast.
        #expect(StopAdvice.imposeAdvised(norm: norm, value: 100_001, forecast: above))
        #expect(!StopAdvice.imposeAdvised(norm: norm, value: 100_000, forecast: nil))
    }

    @Test func underTheHundredAndFiveRuleOnlyMoreThanHundredAndFivePercentAdvises() {
        var rule105 = norm
        rule105.stopRule = .forecastAbove105
        #expect(
            !StopAdvice.imposeAdvised(
                norm: rule105, value: 0, forecast: forecast(projected: 105_000, crossing: "2026-11-20")))
        #expect(
            StopAdvice.imposeAdvised(
                norm: rule105, value: 0, forecast: forecast(projected: 105_001, crossing: "2026-11-20")))
        var signaal = norm
        signaal.kind = .signaalplafond
        #expect(!StopAdvice.imposeAdvised(norm: signaal, value: 500_000, forecast: nil))
    }

    @Test func aStopIsNotLiftedWhileAnotherIsExpectedWithinFourMonths() {
        let today = Day(iso: "2026-03-15")!
        // Projected exactly at the limit, reached on 15 July: the last day of the horizon.
        #expect(
            StopAdvice.newStopExpected(
                norm: norm, value: 50_000, forecast: forecast(projected: 100_000, crossing: "2026-07-15"), today: today)
                == .crossing(Day(iso: "2026-07-15")!))
        // A day later: outside the four months, lifting is advised.
        #expect(
            StopAdvice.liftAdvised(
                norm: norm, value: 50_000, forecast: forecast(projected: 100_000, crossing: "2026-07-16"), today: today)
        )
        // Over the limit at the end of the period: the advice would come back at once,
        // also when the basis is still short.
        #expect(
            StopAdvice.newStopExpected(
                norm: norm, value: 50_000,
                forecast: forecast(projected: 120_000, crossing: "2026-11-01", indicative: true),
                today: today) == .forecastBeyondRule(projected: 120_000))
        #expect(StopAdvice.newStopExpected(norm: norm, value: 100_000, forecast: nil, today: today) == .valueAtLimit)
        #expect(StopAdvice.liftAdvised(norm: norm, value: 50_000, forecast: nil, today: today))
    }
}
