import Domain
import Foundation
import Testing

/// Dates and times as a Dutch reader expects them, in Europe/Amsterdam.
@Suite struct DutchDateTests {
    @Test func daysAndMonthsAreWrittenOutInDutch() {
        #expect(DutchDate.text(Day(iso: "2026-12-03")!) == "3 december 2026")
        #expect(DutchDate.text(Day(iso: "2026-03-01")!) == "1 maart 2026")
        #expect(DutchDate.text(Month(year: 2026, month: 10)!) == "oktober 2026")
    }

    @Test func aUTCStampReadsAsTheDutchWallClock() {
        // 2026-12-02T23:00:00Z is midnight in Nijmegen: the next day, not the day before.
        #expect(DutchDate.text(iso: "2026-12-02T23:00:00Z") == "3 december 2026, 00:00")
        // Summer time: two hours ahead of UTC.
        #expect(DutchDate.text(iso: "2026-07-15T12:05:00Z") == "15 juli 2026, 14:05")
        // Not a stamp: shown as it is, never an error on a page.
        #expect(DutchDate.text(iso: "gisteren") == "gisteren")
    }
}
