import Domain
import Fixtures
import Foundation
import IJW
import Testing

@Suite struct DeclarationChecksTests {
    let today = Day(iso: "2026-05-10")!

    func declaration(_ edit: (inout Declaration) -> Void = { _ in }) throws -> Declaration {
        guard case .declaration(var d) = try IJWReader.read(try SharedFiles.example("JW323")) else {
            throw CheckTestError()
        }
        edit(&d)
        return d
    }

    struct CheckTestError: Error {}

    @Test func theExamplePassesTheStatelessChecks() throws {
        let result = DeclarationChecks.check(try declaration(), today: today)
        #expect(result.messageCodes.isEmpty, "\(result.reasons)")
        #expect(result.lineCodes.isEmpty)
    }

    @Test func anInvalidBSNRejectsTheMessage() throws {
        let result = DeclarationChecks.check(try declaration { $0.clients[0].bsn = "999900007" }, today: today)
        #expect(result.messageCodes == [.technischeAfwijzing])
        #expect(result.reasons.contains { $0.contains("elfproef") })
    }

    @Test func aPeriodThatIsNotOneWholeMonthRejectsTheMessage() throws {
        let result = DeclarationChecks.check(
            try declaration {
                $0.declaratiePeriode = Period(start: Day(iso: "2026-04-02")!, end: Day(iso: "2026-04-30")!)!
            },
            today: today)
        #expect(result.messageCodes == [.technischeAfwijzing])
    }

    @Test func aWrongTotalRejectsTheMessage() throws {
        let result = DeclarationChecks.check(try declaration { $0.totaalIngediendBedrag += 1 }, today: today)
        #expect(result.messageCodes == [.technischeAfwijzing])
    }

    @Test func onlyADagtekeningAfterTheSystemDateIs8848() throws {
        // TR135: the example's Dagtekening is 6 May.
        #expect(
            DeclarationChecks.check(try declaration(), today: Day(iso: "2026-05-05")!).messageCodes == [
                .datumInToekomst
            ])
        #expect(DeclarationChecks.check(try declaration(), today: Day(iso: "2026-05-06")!).messageCodes.isEmpty)
    }

    @Test func amountNotVolumeTimesTariffIs9346OnThatLineOnly() throws {
        let d = try declaration {
            $0.clients[0].lines[1].ingediendBedrag += 100
            $0.totaalIngediendBedrag += 100
        }
        let result = DeclarationChecks.check(d, today: today)
        #expect(result.messageCodes.isEmpty)
        #expect(result.codes(client: 0, line: 1) == [.bedragOnjuist])
        #expect(result.codes(client: 0, line: 0).isEmpty)
    }

    @Test func eurosUnitNeedsNoTariffAndAmountEqualsVolume() throws {
        var d = try declaration {
            $0.clients[0].lines[0].eenheid = "83"
            $0.clients[0].lines[0].productTarief = nil
            $0.clients[0].lines[0].geleverdVolume = 5_000  // the line's amount is € 50,00
        }
        #expect(DeclarationChecks.check(d, today: today).messageCodes.isEmpty)
        d.clients[0].lines[0].productTarief = 1
        #expect(DeclarationChecks.check(d, today: today).messageCodes == [.technischeAfwijzing])
    }

    @Test func aProductPeriodAfterTheDeclarationMonthIs9319() throws {
        let d = try declaration {
            $0.clients[0].lines[0].productPeriode = Period.month(Month("2026-05")!)
            $0.header.dagtekening = Day(iso: "2026-06-05")!  // May has ended
        }
        let result = DeclarationChecks.check(d, today: Day(iso: "2026-06-10")!)
        #expect(result.messageCodes.isEmpty, "\(result.reasons)")
        #expect(result.codes(client: 0, line: 0) == [.productPeriodeNietInDeclaratiePeriode])
    }
}
