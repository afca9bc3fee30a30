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
        #expect(codes(line(), allocation(start: "2026-04-10")) == ["9307"])
        #expect(codes(line(), allocation(end: "2026-04-20")) == ["9308"])
        #expect(codes(line(categorie: "41"), allocation()) == ["9339"])
        #expect(codes(line(code: "45A04"), allocation()) == ["9340"])
        #expect(
            codes(line(eenheid: "01"), allocation(omvang: Omvang(volume: 10, eenheid: "04", frequentie: .perMaand)))
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

    @Test func volumeIsCheckedInTotalOrPerPeriod() {
        let total = allocation(omvang: Omvang(volume: 20, eenheid: "04", frequentie: .totaalBinnenGeldigheidsduur))
        #expect(codes(line(volume: 4), total, usage: .init(volume: 16)).isEmpty)
        #expect(codes(line(volume: 4), total, usage: .init(volume: 17)) == ["9321"])
        let perMonth = allocation(omvang: Omvang(volume: 6, eenheid: "04", frequentie: .perMaand))
        #expect(codes(line(volume: 4), perMonth, usage: .init(volume: 100, volumeInMonth: 2)).isEmpty)
        #expect(codes(line(volume: 4), perMonth, usage: .init(volumeInMonth: 3)) == ["9322"])
    }

    @Test func theAllowedVolumeFollowsTheDaysOfTheAllocationInTheMonth() {
        let perWeek = Omvang(volume: 2, eenheid: "04", frequentie: .perWeek)
        // April has 30 days: 5 started weeks; from the 15th, 16 days: 3 weeks.
        #expect(AllocationChecks.allowedInMonth(.month(april), omvang: perWeek, allocation: allocation()) == 10)
        #expect(
            AllocationChecks.allowedInMonth(.month(april), omvang: perWeek, allocation: allocation(start: "2026-04-15"))
                == 6)
        let perDay = Omvang(volume: 3, eenheid: "01", frequentie: .perDag)
        #expect(
            AllocationChecks.allowedInMonth(.month(april), omvang: perDay, allocation: allocation(end: "2026-04-10"))
                == 30)
        #expect(
            AllocationChecks.allowedInMonth(.month(april), omvang: perDay, allocation: allocation(end: "2026-03-31"))
                == 0)
    }

    @Test func creditsAreNeverRefusedByTheAllocation() {
        #expect(codes(line(credit: true), nil).isEmpty)
    }
}
