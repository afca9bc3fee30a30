import Domain
import Testing

/// "(opnieuw) in zorg": arrivals after a gap of twelve months, counted by hand.
@Suite struct CareArrivalsTests {
    let twelve = CareArrivals(gapMonths: 12)
    func months(_ texts: String...) -> Set<Month> { Set(texts.map { Month($0)! }) }

    @Test func aClientArrivesFirstAndAgainAfterTwelveMonthsWithoutCare() {
        // April 2024 to May 2025: May 2024 … April 2025 are twelve months without care.
        #expect(twelve.arrivals(months("2024-03", "2024-04", "2025-05")) == [Month("2024-03")!, Month("2025-05")!])
        // March 2024 to March 2025: eleven months between, the same episode.
        #expect(twelve.arrivals(months("2024-03", "2025-03")) == [Month("2024-03")!])
        #expect(CareArrivals(gapMonths: 6).arrivals(months("2024-03", "2025-03")).count == 2)
    }

    @Test func aLateDeclarationForAnEarlierMonthDoesNotMakeAClientNew() {
        #expect(!twelve.arrivesNow(Month("2026-03")!, knownCare: months("2026-04")))
        #expect(!twelve.arrivesNow(Month("2026-04")!, knownCare: months("2026-04")))
        #expect(!twelve.arrivesNow(Month("2026-01")!, knownCare: months("2025-01")))
        #expect(twelve.arrivesNow(Month("2026-02")!, knownCare: months("2025-01")))
        #expect(twelve.arrivesNow(Month("2026-02")!, knownCare: []))
    }

    @Test func theWindowReachesTheGapBeforeThePeriod() {
        let window = twelve.window(for: .year(2026))
        #expect(window.lowerBound == Month("2025-01")!)
        #expect(window.upperBound == Month("2026-12")!)
        #expect(CareArrivals(gapMonths: 0).gapMonths == 1)
    }
}

@Suite struct CareDurationTests {
    func m(_ text: String) -> Month { Month(text)! }

    @Test func theLengthCountsFromTheArrivalAcrossShortBreaksOnly() {
        let arrivals = CareArrivals(gapMonths: 12)
        // January 2025 through March 2026 with a three-month break in summer 2025: one
        // episode, fifteen months through March 2026.
        var months = Set((1...15).map { Month(year: 2025, month: 1)!.adding(months: $0 - 1) })
        months.subtract([m("2025-06"), m("2025-07"), m("2025-08")])
        #expect(arrivals.monthsInCare(months, at: m("2026-03")) == 15)
        // Not in care in the month asked about.
        #expect(arrivals.monthsInCare(months, at: m("2025-07")) == nil)
        // Back after more than the gap: the count starts again.
        let back: Set<Month> = [m("2024-01"), m("2025-02"), m("2025-03")]
        #expect(arrivals.monthsInCare(back, at: m("2025-03")) == 2)
        // With a gap of three months, the summer break already ends the episode.
        #expect(CareArrivals(gapMonths: 3).monthsInCare(months, at: m("2026-03")) == 7)
    }
}
