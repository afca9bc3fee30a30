import Domain
import Testing

@testable import IJW

/// What an allocation's Omvang allows, counted as IV077 says.
struct AllocatedVolumeTests {
    func allocation(_ start: String, _ end: String?) -> AllocationRecord {
        AllocationRecord(
            toewijzingNummer: "1", bsn: "999900006", productCategorie: "45", productCode: "45A03",
            ingangsdatum: Day(iso: start)!, einddatum: end.flatMap(Day.init(iso:)), omvang: nil, budget: nil)
    }

    func period(_ from: String, _ to: String) -> Period { Period(start: Day(iso: from)!, end: Day(iso: to)!)! }

    /// IV077's own example: 3 hours a week from 11-10-2022 to 28-12-2022. Before: 7-day blocks.
    @Test func weeksAreCalendarWeeksCountedByTheirNumbersAsIV077() {
        let weekly = Omvang(volume: 3, eenheid: "04", frequentie: .perWeek)
        let allocated = allocation("2022-10-11", "2022-12-28")
        let hours = { (from: String, to: String) in
            AllocatedVolume.allowedInPeriod(self.period(from, to), omvang: weekly, allocation: allocated) / 60
        }
        #expect(hours("2022-10-01", "2022-10-31") == 12)  // weeks 41–44
        #expect(hours("2022-11-01", "2022-11-30") == 15)  // weeks 44–48
        #expect(hours("2022-12-01", "2022-12-31") == 15)  // weeks 48–52
        let total: Int64? = AllocatedVolume.allowedInTotal(omvang: weekly, allocation: allocated)
        #expect(total == Int64(12 * 3 * 60))  // weeks 41–52, in minutes
        // April 2026 runs Wednesday 1 to Thursday 30: weeks 14 to 18, five weeks; seven-day blocks would give 5 too,
        // but February 2026 (Sunday 1 to Saturday 28) touches five calendar weeks, not four.
        #expect(AllocatedVolume.calendarWeeks(from: Day(iso: "2026-02-01")!, through: Day(iso: "2026-02-28")!) == 5)
    }

    @Test func perDayCountsTheAllocatedDaysOfThePeriod() {
        let daily = Omvang(volume: 2, eenheid: "14", frequentie: .perDag)
        #expect(
            AllocatedVolume.allowedInPeriod(
                period("2026-04-01", "2026-04-30"), omvang: daily, allocation: allocation("2026-04-21", nil)) == 20)
        #expect(
            AllocatedVolume.allowedInPeriod(
                period("2026-04-01", "2026-04-30"), omvang: daily, allocation: allocation("2026-01-01", "2026-03-31"))
                == 0)
        #expect(AllocatedVolume.allowedInTotal(omvang: daily, allocation: allocation("2026-04-21", nil)) == nil)
        #expect(AllocatedVolume.allowedInTotal(omvang: daily, allocation: allocation("2026-04-21", "2026-04-30")) == 20)
    }
}
