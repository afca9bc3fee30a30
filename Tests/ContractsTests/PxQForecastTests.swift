import Contracts
import Domain
import Testing

/// The PxQ forecast by hand: 2026, January–March declared (€ 3.000 a month), projected
/// from April on the allocations in force.
@Suite struct PxQForecastTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test func allocatedVolumeAtTariffMinusTheOutflowTheEndDatesPredict() throws {
        let byMonth = Dictionary(uniqueKeysWithValues: (1...3).map { (Month(year: 2026, month: $0)!, Int64(300_000)) })
        let allocations: [PxQForecast.Allocation] = [
            // a: € 1.000 a month, open-ended: April–December, 9 × 1.000.
            .init(client: "a", start: day("2026-01-01"), end: nil, rate: .perMonth(100_000)),
            // b: € 1.000 a month until 30 June: 3 months, where 9 would run to December.
            .init(client: "b", start: day("2026-02-01"), end: day("2026-06-30"), rate: .perMonth(100_000)),
            // c: € 140 a week until 15 May: 45 days × 140 / 7 = 900, where the 275 days
            // to December would be 5.500.
            .init(client: "c", start: day("2026-03-01"), end: day("2026-05-15"), rate: .perWeek(14_000)),
            // d: starts in September: 4 × € 500, not yet in care on 1 April.
            .init(client: "d", start: day("2026-09-01"), end: nil, rate: .perMonth(50_000)),
            // e: a total without an end has no length; f: no tariff known.
            .init(client: "e", start: day("2026-01-15"), end: nil, rate: .total(120_000)),
            .init(client: "f", start: day("2026-01-15"), end: nil, rate: nil),
            // g ended before April.
            .init(client: "g", start: day("2025-06-01"), end: day("2026-02-28"), rate: .perMonth(100_000)),
            // a's second allocation: € 2.750 over 1 April–31 December's 275 days, € 10 a day.
            .init(client: "a", start: day("2026-04-01"), end: day("2026-12-31"), rate: .total(275_000)),
        ]
        let forecast = try #require(
            PxQForecast.make(
                byMonth: byMonth, period: .year(2026), throughMonth: Month(year: 2026, month: 3)!,
                allocations: allocations))
        #expect(forecast.fromMonth == "2026-04")
        #expect(forecast.declared == 900_000)
        #expect(forecast.clientsInCare == 3)  // a, b, c
        // April: 1.000 (a) + 1.000 (b) + 30 × 140 / 7 = 600 (c) + 30 × 10 = 300 (a's second).
        #expect(forecast.allocatedPerMonth == 290_000)
        // 9.000 + 9.000 + 5.500 + 2.000 + 2.750.
        #expect(forecast.gross == 2_825_000)
        #expect(forecast.endingAllocations == 2)  // b and c
        #expect(forecast.expectedOutflow == 600_000 + 460_000)
        #expect(forecast.withoutTariff == 2)  // e and f
        // 9.000 declared + 9.000 + 3.000 + 900 + 2.000 + 2.750.
        #expect(forecast.projectedTotal == 2_665_000)
    }

    @Test func aMonthlyRateIsSplitByTheDaysOfEachMonth() {
        // € 31 a month from 17 January through 10 February: 15/31 of 3.100 = 1.500, and
        // 10/28 of 3.100 = 1.107 (rounded down).
        let allocation = PxQForecast.Allocation(
            client: "a", start: day("2026-01-17"), end: day("2026-02-10"), rate: .perMonth(3_100))
        #expect(PxQForecast.cost(allocation, from: day("2026-01-17"), through: day("2026-02-10")) == 1_500 + 1_107)
    }

    @Test func nothingIsLeftToProjectAfterTheLastMonth() {
        #expect(
            PxQForecast.make(
                byMonth: [:], period: .year(2026), throughMonth: Month(year: 2026, month: 12)!, allocations: []) == nil)
    }
}
