import Domain
import Testing

/// Weeks with care per ISO year, for the 47-weeks opening norm; dates checked against a
/// calendar by hand.
struct OpeningWeeksTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test func aWeekIsNamedByItsMondayAndCountsInTheYearOfItsThursday() {
        // 1 January 2026 is a Thursday: week 1 of 2026 starts Monday 29 December 2025.
        let first = OpeningWeeks.Week(containing: day("2026-01-01"))
        #expect(first.monday == day("2025-12-29") && first.year == 2026 && first.number == 1)
        // 31 December 2026 is a Thursday: week 53 of 2026.
        let last = OpeningWeeks.Week(containing: day("2026-12-31"))
        #expect(last.monday == day("2026-12-28") && last.year == 2026 && last.number == 53)
        // Sunday 3 January 2027 still belongs to that week.
        #expect(OpeningWeeks.Week(containing: day("2027-01-03")) == last)
        // 1 January 2027 is a Friday: its week's Thursday is 31 December 2026.
        #expect(OpeningWeeks.Week(containing: day("2027-01-04")).number == 1)
    }

    @Test func aPeriodCountsEveryWeekItTouchesOnce() {
        // April 2026: Wednesday 1st to Thursday 30th touches the weeks of 30 March, 6, 13,
        // 20 and 27 April: five weeks.
        #expect(OpeningWeeks.weeks(from: day("2026-04-01"), through: day("2026-04-30")).count == 5)
        // Two lines in the same week count it once; a reversed period counts nothing.
        let counted = OpeningWeeks.count([
            (day("2026-04-06"), day("2026-04-07")), (day("2026-04-09"), day("2026-04-10")),
            (day("2026-04-20"), day("2026-04-19")),
        ])
        #expect(counted == [2026: 1])
    }

    @Test func aProviderOpenFortyEightWeeksIsOneAboveTheNorm() {
        // Weekly lines Monday–Friday from week 1 (5 January 2026 is week 2; start 29 December
        // 2025) for 48 weeks, then closed: 48 weeks in 2026, one above 47.
        let weeks = (0..<48).map { offset in
            let monday = day("2025-12-29").adding(days: 7 * offset)
            return (start: monday, end: monday.adding(days: 4))
        }
        #expect(OpeningWeeks.count(weeks) == [2026: 48])
        #expect(OpeningWeeks.above(weeks, limit: 47) == [2026: 1])
        #expect(OpeningWeeks.above(Array(weeks.prefix(47)), limit: 47).isEmpty)
        // Whole months all year touch every one of 2026's 53 weeks: why it is only a signal.
        let months = (1...12).map {
            (start: Month(year: 2026, month: $0)!.firstDay, end: Month(year: 2026, month: $0)!.lastDay)
        }
        #expect(OpeningWeeks.count(months)[2026] == 53)
    }
}
