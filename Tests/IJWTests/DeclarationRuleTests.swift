import Domain
import Fixtures
import Foundation
import IJW
import Testing

/// The JW323 rules of the standard's table that intake checks inside one message: each
/// "bericht inhoud" rule refuses the whole message (0001), each line rule names its line.
/// Every test starts from a message that passes and breaks one rule.
@Suite struct DeclarationRuleTests {
    let today = Day(iso: "2026-05-10")!
    let april = Month(year: 2026, month: 4)!

    func line(
        _ ref: String, toewijzing: String = "7001", code: String = "45A03", volume: Int64 = 4, eenheid: String = "04",
        tariff: Int64? = 1_250, amount: Int64? = nil, previous: String? = nil, credit: Bool = false,
        period: Period? = nil
    ) -> DeclarationLine {
        DeclarationLine(
            referentieNummer: ref, vorigReferentieNummer: previous, toewijzingNummer: toewijzing,
            productCategorie: "45", productCode: code, productPeriode: period ?? .month(april), geleverdVolume: volume,
            eenheid: eenheid, productTarief: tariff, ingediendBedrag: amount ?? (tariff ?? 1) * volume,
            debetCredit: credit ? .credit : .debet)
    }

    func declaration(_ lines: [DeclarationLine], dagtekening: Day? = nil, bsn: String = "999900006") -> Declaration {
        .balanced(
            afzender: "12345678", ontvanger: "0268", identificatie: "M1", dagtekening: dagtekening ?? today,
            declaratieNummer: "D1", periode: april, clients: [DeclaredClient(bsn: bsn, lines: lines)])
    }

    func check(_ declaration: Declaration) -> DeclarationCheckResult {
        DeclarationChecks.check(declaration, today: today)
    }

    func refusedWhole(_ declaration: Declaration, by rule: String) -> Bool {
        let result = check(declaration)
        return result.messageCodes == [.technischeAfwijzing] && result.reasons.contains { $0.contains(rule) }
            && result.lineCodes.isEmpty
    }

    @Test func theValidMessageOfTheseTestsPasses() {
        let result = check(
            declaration([line("R1"), line("R2", toewijzing: "7002"), line("C1", previous: "OLD", credit: true)]))
        #expect(result.messageCodes.isEmpty, "\(result.reasons)")
        #expect(result.lineCodes.isEmpty)
    }

    /// Before: 9346 on the line.
    @Test func eurosWithAnAmountOtherThanTheVolumeRefusesTheMessageCS339() {
        #expect(
            check(declaration([line("R1", volume: 5_000, eenheid: "83", tariff: nil, amount: 5_000)])).messageCodes
                .isEmpty)
        #expect(
            refusedWhole(
                declaration([line("R1", volume: 5_000, eenheid: "83", tariff: nil, amount: 4_999)]), by: "CS339"))
    }

    /// Before: 8017/9390 on a line.
    @Test func aVorigReferentieNummerTwiceRefusesTheMessageTR315() {
        let twice = declaration([
            line("C1", previous: "OLD", credit: true), line("C2", toewijzing: "7002", previous: "OLD", credit: true),
        ])
        #expect(refusedWhole(twice, by: "TR315"))
    }

    /// Before: a correction in one message (credited, and the credit approved).
    @Test func creditingADebitOfTheSameMessageRefusesItTR316() {
        #expect(refusedWhole(declaration([line("R1"), line("C1", previous: "R1", credit: true)]), by: "TR316"))
    }

    /// Before: 9389 on the second line.
    @Test func twoDebitsForOneAllocationProductAndPeriodRefuseTheMessageTR416() {
        #expect(refusedWhole(declaration([line("R1"), line("R2")]), by: "TR416"))
        // Another product or allocation is another debit.
        #expect(check(declaration([line("R1"), line("R2", code: "45A04")])).messageCodes.isEmpty)
    }

    /// Before: 8848 for the message, and 8848 on the line.
    @Test func aMonthDeclaredBeforeItHasEndedRefusesTheMessageTR134TR137() {
        let early = declaration([line("R1")], dagtekening: Day(iso: "2026-04-29")!)
        let result = check(early)
        #expect(result.messageCodes == [.technischeAfwijzing])
        #expect(result.reasons.contains { $0.hasPrefix("TR134/TR137") })
        #expect(!result.messageCodes.contains(.datumInToekomst))
    }

    @Test func aZeroAmountMustBeDebitCS325() {
        #expect(check(declaration([line("R1", volume: 0)])).messageCodes.isEmpty)
        #expect(refusedWhole(declaration([line("C1", volume: 0, previous: "OLD", credit: true)]), by: "CS325"))
    }

    @Test func aCreditNeedsAVorigReferentieNummerAndADebitHasNoneCD060() {
        #expect(refusedWhole(declaration([line("C1", credit: true)]), by: "CD060"))
        #expect(refusedWhole(declaration([line("R1", previous: "OLD")]), by: "CD060"))
    }

    @Test func aPeriodBefore2021RefusesTheMessageCS100() {
        let old = Period.month(Month(year: 2020, month: 12)!)
        #expect(refusedWhole(declaration([line("R1", period: old)]), by: "CS100"))
    }

    @Test func aPeriodEndingMoreThanFiveYearsBeforeTheDeclarationRefusesItTR335() {
        var d = declaration([line("R1", period: .month(Month(year: 2021, month: 4)!))])
        d.dagtekening = Day(iso: "2026-04-30")!
        #expect(check(d).messageCodes.isEmpty)
        d.dagtekening = Day(iso: "2026-05-01")!
        #expect(refusedWhole(d, by: "TR335"))
    }

    @Test func anAmountOtherThanVolumeTimesTariffIs9346OnItsLineTR346() {
        let result = check(declaration([line("R1"), line("R2", toewijzing: "7002", amount: 4_999)]))
        #expect(result.messageCodes.isEmpty)
        #expect(result.lineCodes == [LinePosition(client: 0, line: 1): [.bedragOnjuist]])
    }

    /// IV081/TR346: € 73,85 an hour is 123 cents a minute, and 45 minutes are
    /// 7385 × 45 / 60 = 5538.75, so 5539 cents. Before: 9346.
    @Test func minutesAtAnHourlyTariffAreAmountedAsIV081Says() {
        #expect(MinuteTariff.perMinute(hourly: 7_385) == 123)
        #expect(MinuteTariff.amount(hourly: 7_385, minutes: 45) == 5_539)
        let minutes = { (amount: Int64) in
            self.check(self.declaration([self.line("R1", volume: 45, eenheid: "01", tariff: 123, amount: amount)]))
                .lineCodes
        }
        #expect(minutes(5_539).isEmpty)  // hourly 7385
        #expect(minutes(5_535).isEmpty)  // hourly 7380: 123 × 45
        #expect(minutes(5_600) == [LinePosition(client: 0, line: 0): [.bedragOnjuist]])
    }

    /// TR418 with IV081: the contract's hourly tariff / 60 is the right tariff for minutes.
    @Test func aMinuteTariffDerivedFromTheHourlyContractTariffIsNot0611() throws {
        let tariffs = try ContractTariffs.parse("0268;45A03;2026-01-01;;73,85\n")
        #expect(
            tariffs.codes(line("R1", volume: 45, eenheid: "01", tariff: 123, amount: 5_539), gemeente: "0268").isEmpty)
        #expect(
            tariffs.codes(line("R1", volume: 45, eenheid: "01", tariff: 124, amount: 5_580), gemeente: "0268")
                == [.tariefWijktAfVanContract])
    }
}

extension DeclarationRuleTests {
    @Test func aProductPeriodOverTwoMonthsRefusesTheMessageCS337() {
        let over = Period(start: Day(iso: "2026-03-20")!, end: Day(iso: "2026-04-10")!)!
        #expect(refusedWhole(declaration([line("R1", period: over)]), by: "CS337"))
    }

    @Test func theSameClientOrTheSameLineTwiceRefusesTheMessageTR101() {
        #expect(refusedWhole(declaration([line("R1"), line("R1")]), by: "TR101"))
        var twice = declaration([line("R1")])
        twice.clients.append(DeclaredClient(bsn: "999900006", lines: [line("R2", toewijzing: "7002")]))
        twice.totaalIngediendBedrag *= 2
        #expect(refusedWhole(twice, by: "TR101"))
    }
}
