import Contracts
import Domain
import Testing

@Suite struct RunRateForecastTests {
    let year = Period.year(2026)
    func m(_ text: String) -> Month { Month(text)! }

    @Test func projectsTheAverageOfTheLastThreeCompleteMonths() throws {
        // Jan–Apr declared; on 10 May, April is not complete yet (no May lines, lag not over).
        let byMonth: [Month: Int64] = [
            m("2026-01"): 100_000, m("2026-02"): 90_000, m("2026-03"): 110_000, m("2026-04"): 40_000,
        ]
        let forecast = try #require(
            RunRateForecast.make(byMonth: byMonth, period: year, limit: 1_000_000, today: Day(iso: "2026-05-10")!))
        #expect(forecast.basisMonths == ["2026-01", "2026-02", "2026-03"])
        #expect(forecast.ratePerMonth == 100_000)
        // 300,000 complete + April max(40,000, 100,000) + 8 × 100,000 = 1,200,000.
        #expect(forecast.projectedTotal == 1_200_000)
        // Cumulative reaches 1,000,000 in October: 900,000 by September, 100,000 needed of 100,000 → 31 October.
        #expect(forecast.crossingDate == Day(iso: "2026-10-31"))
    }

    @Test func aLaterMonthsDeclarationsCompleteTheMonthBefore() throws {
        let byMonth: [Month: Int64] = [m("2026-01"): 100_000, m("2026-02"): 50_000]
        let forecast = try #require(
            RunRateForecast.make(byMonth: byMonth, period: year, limit: 5_000_000, today: Day(iso: "2026-03-05")!))
        #expect(forecast.basisMonths == ["2026-01"])
        #expect(forecast.ratePerMonth == 100_000)
        #expect(forecast.projectedTotal == 1_200_000)
        #expect(forecast.crossingDate == nil)
    }

    @Test func theCrossingDayIsInterpolatedWithinTheMonth() throws {
        let byMonth: [Month: Int64] = [m("2026-01"): 300_000, m("2026-02"): 300_000, m("2026-03"): 300_000]
        let forecast = try #require(
            RunRateForecast.make(byMonth: byMonth, period: year, limit: 1_050_000, today: Day(iso: "2026-05-20")!))
        // 900,000 by March, April projected at 300,000/30 days: 150,000 needed → day 15.
        #expect(forecast.crossingDate == Day(iso: "2026-04-15"))
    }

    @Test func noCompleteMonthMeansNoForecast() {
        #expect(
            RunRateForecast.make(byMonth: [m("2026-01"): 1], period: year, limit: 10, today: Day(iso: "2026-01-20")!)
                == nil)
    }

    @Test func theSpreadProjectsTheLowestAndHighestBasisMonth() throws {
        let byMonth: [Month: Int64] = [
            m("2026-01"): 100_000, m("2026-02"): 90_000, m("2026-03"): 110_000, m("2026-04"): 40_000,
        ]
        let forecast = try #require(
            RunRateForecast.make(byMonth: byMonth, period: year, limit: 1_000_000, today: Day(iso: "2026-05-10")!))
        // 300,000 complete; April and the 8 months after at 90,000 or 110,000.
        #expect(forecast.projectedLow == 300_000 + 90_000 + 8 * 90_000)
        #expect(forecast.projectedHigh == 300_000 + 110_000 + 8 * 110_000)
        #expect(forecast.completeMonths == 3)
        #expect(!forecast.indicative)
    }

    @Test func fewerCompleteMonthsThanTheMinimumIsIndicative() throws {
        let byMonth: [Month: Int64] = [m("2026-01"): 100_000, m("2026-02"): 50_000]
        let today = Day(iso: "2026-03-05")!
        let short = try #require(RunRateForecast.make(byMonth: byMonth, period: year, limit: 1, today: today))
        #expect(short.completeMonths == 1)
        #expect(short.indicative)
        let one = RunRateForecast.Settings(lookback: 3, lagDays: 45, minimumMonths: 1)
        #expect(
            RunRateForecast.make(byMonth: byMonth, period: year, limit: 1, today: today, settings: one)?.indicative
                == false)
    }
}
