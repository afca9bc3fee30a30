import Domain
import Fixtures
import Foundation
import Testing

@testable import IJW

/// The operator's contract tariffs file and the 0611 rule.
struct ContractTariffsTests {
    let file = """
        \u{FEFF}gemeente;productcode;van;tot;tarief
        # regional contract, and Nijmegen's own rate from July
        *;45A03;2026-01-01;;75,00
        0268;45A03;2026-07-01;2026-12-31;80,50
        """

    func line(tariff: Int64, month: Int, credit: Bool = false) -> DeclarationLine {
        let m = Month(year: 2026, month: month)!
        return DeclarationLine(
            referentieNummer: "R", vorigReferentieNummer: nil, toewijzingNummer: "1", productCategorie: "45",
            productCode: "45A03", productPeriode: .month(m), geleverdVolume: 2, eenheid: "04", productTarief: tariff,
            ingediendBedrag: tariff * 2, debetCredit: credit ? .credit : .debet)
    }

    @Test func aGemeentesOwnTariffWinsOverTheRegionalOne() throws {
        let tariffs = try ContractTariffs.parse(file)
        #expect(tariffs.entries.count == 2)
        #expect(tariffs.tariff(gemeente: "0268", productCode: "45A03", on: Day(iso: "2026-03-01")!) == 7_500)
        #expect(tariffs.tariff(gemeente: "0268", productCode: "45A03", on: Day(iso: "2026-08-01")!) == 8_050)
        #expect(tariffs.tariff(gemeente: "0209", productCode: "45A03", on: Day(iso: "2026-08-01")!) == 7_500)
        #expect(tariffs.tariff(gemeente: "0268", productCode: "41A01", on: Day(iso: "2026-08-01")!) == nil)
    }

    @Test func aDifferentTariffIs0611AndCreditsAndUnlistedProductsAreNotChecked() throws {
        let tariffs = try ContractTariffs.parse(file)
        #expect(tariffs.codes(line(tariff: 7_500, month: 3), gemeente: "0268").isEmpty)
        #expect(tariffs.codes(line(tariff: 7_500, month: 8), gemeente: "0268").map(\.code) == ["0611"])
        #expect(tariffs.codes(line(tariff: 9_999, month: 8, credit: true), gemeente: "0268").isEmpty)
        #expect(ContractTariffs.none.codes(line(tariff: 1, month: 8), gemeente: "0268").isEmpty)
    }

    @Test func aBrokenLineIsNamed() {
        #expect(throws: ContractTariffs.ParseError(line: 2, message: "tarief zeventig")) {
            try ContractTariffs.parse("*;45A03;2026-01-01;;75,00\n0268;45A03;2026-01-01;;zeventig")
        }
        #expect(throws: ContractTariffs.ParseError(line: 1, message: "tot ligt vóór van")) {
            try ContractTariffs.parse("*;45A03;2026-02-01;2026-01-01;75,00")
        }
    }
}

/// The example file shipped for operators must read.
struct ShippedTariffsTests {
    @Test func theExampleTariffsFileReads() throws {
        let url = SharedFiles.packageRoot.appendingPathComponent("deploy/examples/tarieven.csv")
        let tariffs = try ContractTariffs.parse(try String(contentsOf: url, encoding: .utf8))
        #expect(tariffs.entries.count == 3)
        #expect(tariffs.tariff(gemeente: "0268", productCode: "41A01", on: Day(iso: "2027-03-01")!) == 11_240)
    }
}
