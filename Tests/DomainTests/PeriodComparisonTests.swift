import Domain
import Testing

@Suite struct PeriodComparisonTests {
    @Test func thePreviousPeriodHasTheSameLengthAndABaselineTheSameMonths() {
        #expect(Period(parsing: "2026-Q1")!.previous == Period(parsing: "2025-Q4"))
        #expect(Period(parsing: "2026")!.previous == Period(parsing: "2025"))
        #expect(Period(parsing: "2026-H2")!.previous == Period(parsing: "2026-H1"))
        #expect(Period(parsing: "2026-Q3")!.inYear(2024) == Period(parsing: "2024-Q3"))
        #expect(Day(iso: "2026-03-31")!.shifted(months: -1) == Day(iso: "2026-02-28"))
        #expect(Day(iso: "2026-08-15")!.shifted(months: -24) == Day(iso: "2024-08-15"))
    }

    @Test func aPriceIndexCorrectsCentsWithoutFloatingPoint() {
        #expect(PriceIndex(parsing: "3,2")?.riseTenths == 32)
        #expect(PriceIndex(parsing: "3.2")?.riseTenths == 32)
        #expect(PriceIndex(parsing: "4")?.riseTenths == 40)
        #expect(PriceIndex(parsing: "-0,5")?.riseTenths == -5)
        #expect(PriceIndex(parsing: "3,25") == nil)
        #expect(PriceIndex(parsing: "drie") == nil)
        // € 400,00 at +3,2%: € 412,80. € 3,33: 343,656 cents, rounded to 344.
        #expect(PriceIndex(riseTenths: 32).corrected(40_000) == 41_280)
        #expect(PriceIndex(riseTenths: 32).corrected(333) == 344)
    }
}
