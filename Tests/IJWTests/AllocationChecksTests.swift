import Domain
import Fixtures
import Testing

@testable import IJW

/// The declaration rules that compare a line with the gemeente's allocation.
struct AllocationChecksTests {
    let april = Month(year: 2026, month: 4)!

    func line(
        volume: Int64 = 4, categorie: String = "45", code: String = "45A03", eenheid: String = "04",
        period: Period? = nil, amount: Int64 = 5_000, credit: Bool = false
    ) -> DeclarationLine {
        DeclarationLine(
            referentieNummer: "R1", vorigReferentieNummer: nil, toewijzingNummer: "5001", productCategorie: categorie,
            productCode: code, productPeriode: period ?? .month(april), geleverdVolume: volume, eenheid: eenheid,
            productTarief: amount / volume, ingediendBedrag: amount, debetCredit: credit ? .credit : .debet)
    }

    func allocation(
        start: String = "2026-01-01", end: String? = "2026-12-31", omvang: Omvang? = nil, budget: Int64? = nil
    ) -> AllocationRecord {
        AllocationRecord(
            toewijzingNummer: "5001", bsn: "999900006", productCategorie: "45", productCode: "45A03",
            ingangsdatum: Day(iso: start)!, einddatum: end.flatMap(Day.init(iso:)), omvang: omvang, budget: budget)
    }

    func codes(
        _ line: DeclarationLine, _ allocation: AllocationRecord?, usage: AllocationUsage = .init(),
        bsn: String = "999900006"
    ) -> [String] {
        AllocationChecks.codes(line, bsn: bsn, allocation: allocation, usage: usage).map(\.code)
    }

    @Test func aLineInsideItsAllocationPasses() {
        #expect(
            codes(line(), allocation(omvang: Omvang(volume: 10, eenheid: "04", frequentie: .perMaand), budget: 10_000))
                .isEmpty)
    }

    @Test func eachMismatchHasItsOwnCode() {
        #expect(codes(line(), nil) == ["9338"])
        #expect(codes(line(), allocation(), bsn: "999900018") == ["8187"])
        #expect(codes(line(), allocation(start: "2026-05-01")) == ["9307"])
        // Wholly outside the period, the volume is not compared as well (it was 9307 and 9321).
        let monthly = Omvang(volume: 6, eenheid: "04", frequentie: .perMaand)
        #expect(codes(line(), allocation(start: "2026-05-01", omvang: monthly)) == ["9307"])
        #expect(codes(line(), allocation(start: "2026-01-01", end: "2026-03-31", omvang: monthly)) == ["9308"])
        #expect(codes(line(), allocation(start: "2026-01-01", end: "2026-03-31")) == ["9308"])
        #expect(codes(line(categorie: "41"), allocation()) == ["9339"])
        #expect(codes(line(code: "45A04"), allocation()) == ["9340"])
        #expect(
            codes(line(eenheid: "14"), allocation(omvang: Omvang(volume: 10, eenheid: "04", frequentie: .perMaand)))
                == ["9341"])
        #expect(codes(line(), allocation(budget: 4_999)) == ["9369"])
        #expect(codes(line(), allocation(budget: 10_000), usage: .init(amountCents: 5_001)) == ["9369"])
    }

    @Test func aWithdrawnAllocationRefusesEveryDebitButNoCredit() {
        var withdrawn = allocation(start: "2026-04-10", budget: 1)
        withdrawn.removed = true
        // Only 9384: the other mismatches describe an allocation that no longer counts.
        #expect(codes(line(), withdrawn) == ["9384"])
        #expect(codes(line(), withdrawn, bsn: "999900018") == ["8187"])
        #expect(codes(line(credit: true), withdrawn).isEmpty)
    }

    /// TR321/TR322, before swapped: 9321 for one line above what its period allows,
    /// 9322 for all lines together above what the whole duration allows.
    @Test func oneLineAboveItsPeriodIs9321AndAllLinesAboveTheDurationAre9322() {
        let perMonth = allocation(omvang: Omvang(volume: 6, eenheid: "04", frequentie: .perMaand))
        #expect(codes(line(volume: 6), perMonth, usage: .init(volume: 60)).isEmpty)  // 12 months × 6 = 72
        #expect(codes(line(volume: 7), perMonth) == ["9321"])
        #expect(codes(line(volume: 6), perMonth, usage: .init(volume: 67)) == ["9322"])
        let total = allocation(omvang: Omvang(volume: 20, eenheid: "04", frequentie: .totaalBinnenGeldigheidsduur))
        #expect(codes(line(volume: 4), total, usage: .init(volume: 16)).isEmpty)
        #expect(codes(line(volume: 4), total, usage: .init(volume: 17)) == ["9322"])
        #expect(codes(line(volume: 21), total) == ["9321"])
        // Without an Einddatum a volume per period has no total to exceed.
        let open = allocation(end: nil, omvang: Omvang(volume: 6, eenheid: "04", frequentie: .perMaand))
        #expect(codes(line(volume: 6), open, usage: .init(volume: 10_000)).isEmpty)
    }

    /// TR341 with IV081, before 9341: minutes against hours, counted in minutes.
    @Test func minutesMayBeDeclaredAgainstAnAllocationInHours() {
        let hours = allocation(omvang: Omvang(volume: 6, eenheid: "04", frequentie: .perMaand))
        #expect(codes(line(volume: 360, eenheid: "01", amount: 36_000), hours).isEmpty)
        #expect(codes(line(volume: 361, eenheid: "01", amount: 36_100), hours) == ["9321"])
        // 70 of 72 hours used; 180 minutes more is 3 hours: too much.
        #expect(codes(line(volume: 180, eenheid: "01", amount: 18_000), hours, usage: .init(volume: 70)) == ["9322"])
        #expect(codes(line(volume: 120, eenheid: "01", amount: 12_000), hours, usage: .init(volume: 70)).isEmpty)
        // Hours against minutes are not allowed.
        let minutes = allocation(omvang: Omvang(volume: 600, eenheid: "01", frequentie: .perMaand))
        #expect(codes(line(volume: 4), minutes) == ["9341"])
    }

    /// TR387/TR388: a ProductPeriode from the first to the last of its month, unless the
    /// allocation starts later or ends earlier in it.
    @Test func aProductPeriodLiesOnTheMonthsBoundariesOrTheAllocations() {
        let period = { (from: String, to: String) in Period(start: Day(iso: from)!, end: Day(iso: to)!)! }
        #expect(codes(line(period: period("2026-04-02", "2026-04-30")), allocation()) == ["9387"])
        #expect(codes(line(period: period("2026-04-01", "2026-04-29")), allocation()) == ["9388"])
        #expect(codes(line(period: period("2026-04-10", "2026-04-30")), allocation(start: "2026-04-10")).isEmpty)
        #expect(codes(line(period: period("2026-04-01", "2026-04-20")), allocation(end: "2026-04-20")).isEmpty)
        #expect(codes(line(period: period("2026-04-12", "2026-04-30")), allocation(start: "2026-04-10")) == ["9387"])
        #expect(codes(line(), allocation(start: "2026-04-10")) == ["9307", "9387"])
    }

    @Test func creditsAreNeverRefusedByTheAllocation() {
        #expect(codes(line(credit: true), nil).isEmpty)
    }
}
