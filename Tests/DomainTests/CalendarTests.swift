import Domain
import Foundation
import Testing

@Suite struct CalendarTests {
    @Test func daysKnowLeapYears() {
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(year: 2026, month: 2, day: 29) == nil)
        #expect(Day(year: 2000, month: 2, day: 29) != nil)
        #expect(Day(year: 1900, month: 2, day: 29) == nil)
        #expect(Day(iso: "2027-06-31") == nil)
        #expect(Day(iso: "2026-4-1") == nil)
    }

    @Test func dayArithmeticMatchesTheCalendar() {
        let day = Day(iso: "2026-12-31")!
        #expect(day.adding(days: 1).iso == "2027-01-01")
        #expect(Day(iso: "2024-02-28")!.adding(days: 1).iso == "2024-02-29")
        #expect(Day(iso: "1970-01-01")!.daysSince1970 == 0)
        #expect(Day(daysSince1970: Day(iso: "2026-11-23")!.daysSince1970).iso == "2026-11-23")
        #expect(Day(iso: "2026-11-23")!.weekday == 1)  // a Monday
        #expect(
            Day(date: Date(timeIntervalSince1970: 1_795_392_000), timeZone: TimeZone(secondsFromGMT: 0)!).iso
                == "2026-11-23")
    }

    @Test func monthArithmeticCrossesYears() {
        let january = Month(year: 2026, month: 1)!
        #expect(january.previous.description == "2025-12")
        #expect(january.adding(months: 14).description == "2027-03")
        #expect(january.months(until: Month("2026-12")!) == 11)
        #expect(Month("2024-02")!.lastDay.iso == "2024-02-29")
        #expect(Month("2026-13") == nil)
    }

    /// Months are written and read by hand on monitor's path: the text is the day's, and
    /// only exactly `YYYY-MM` with a real month reads back.
    @Test func monthTextRoundTripsAndRejectsAnythingElse() {
        for year in [1, 9, 99, 999, 1970, 2026, 9999] {
            for number in 1...12 {
                let month = Month(year: year, month: number)!
                #expect(month.description == String(month.firstDay.iso.prefix(7)))
                #expect(Month(month.description) == month)
            }
        }
        for text in ["2026-1", "2026-00", "20a6-01", "2026/01", "2026-011", "", "0000-01", "２０２６-01", "2026-1 "] {
            #expect(Month(text) == nil, "\(text)")
        }
    }

    @Test func periodsByLabel() {
        #expect(Period(parsing: "2026") == .year(2026))
        #expect(Period(parsing: "2026-Q3")?.start.iso == "2026-07-01")
        #expect(Period(parsing: "2026-Q3")?.end.iso == "2026-09-30")
        #expect(Period(parsing: "2026-H1")?.end.iso == "2026-06-30")
        #expect(Period(parsing: "2026-07")?.isWholeMonth == true)
        #expect(Period(parsing: "2026-Q5") == nil)
        for label in ["2026", "2026-H2", "2026-Q1", "2026-04"] {
            #expect(Period(parsing: label)?.label == label)
        }
        let q = Period.quarter(2026, 4)
        #expect(q.months.map(\.description) == ["2026-10", "2026-11", "2026-12"])
        #expect(q.contains(Day(iso: "2026-11-30")!))
        #expect(!q.contains(Day(iso: "2027-01-01")!))
        #expect(!Period(start: Day(iso: "2026-04-01")!, end: Day(iso: "2026-05-02")!)!.isInsideOneMonth)
    }

    @Test func codableUsesTheTextForms() throws {
        struct Box: Codable, Equatable { var day: Day; var month: Month; var money: Money }
        let box = Box(day: Day(iso: "2026-04-30")!, month: Month("2026-04")!, money: Money(cents: 123))
        let json = String(decoding: try JSONEncoder().encode(box), as: UTF8.self)
        #expect(json.contains("\"2026-04-30\"") && json.contains("\"2026-04\"") && json.contains("123"))
        #expect(try JSONDecoder().decode(Box.self, from: Data(json.utf8)) == box)
    }
}

/// `iso` is written digit by digit: every day of four centuries must read back as itself.
struct DayISOTests {
    @Test func everyDayFrom1900To2300ReadsBackAsItself() {
        let first = Day(year: 1900, month: 1, day: 1)!.daysSince1970
        let last = Day(year: 2300, month: 12, day: 31)!.daysSince1970
        let wrong = (first...last).map(Day.init(daysSince1970:)).filter { Day(iso: $0.iso) != $0 }
        #expect(wrong.isEmpty, "\(wrong.prefix(3).map { "\($0.year)-\($0.monthNumber)-\($0.day)" })")
        #expect(Day(year: 7, month: 3, day: 9)!.iso == "0007-03-09")
    }
}
