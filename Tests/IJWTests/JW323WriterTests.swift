import Domain
import Fixtures
import Foundation
import IJW
import Testing

@Suite struct JW323WriterTests {
    @Test func theExampleRoundTripsAndTheWrittenMessageIsSchemaValid() throws {
        guard case .declaration(let original) = try IJWReader.read(try SharedFiles.example("JW323")) else {
            Issue.record("not a declaration")
            return
        }
        let written = JW323Writer.write(original)
        #expect(try SharedFiles.schemaProblems(written, schema: "JW323") == nil)
        guard case .declaration(let reread) = try IJWReader.read(written) else {
            Issue.record("written message unreadable")
            return
        }
        #expect(reread == original)
    }

    @Test func aBalancedDeclarationTotalsDebitsMinusCredits() {
        let month = Month("2026-04")!
        func line(_ ref: String, _ cents: Int64, _ sign: DebetCredit) -> DeclarationLine {
            // A credit names the line it credits (CD060).
            DeclarationLine(
                referentieNummer: ref, vorigReferentieNummer: sign == .credit ? "earlier" : nil, toewijzingNummer: "1",
                productCategorie: "45",
                productCode: "45A03", productPeriode: .month(month), geleverdVolume: 1, eenheid: "04",
                productTarief: cents, ingediendBedrag: cents, debetCredit: sign)
        }
        let d = Declaration.balanced(
            afzender: "12345678", ontvanger: "0268", identificatie: "X", dagtekening: Day(iso: "2026-05-06")!,
            declaratieNummer: "DN", periode: month,
            clients: [DeclaredClient(bsn: "999900006", lines: [line("a", 1_000, .debet), line("b", 3_000, .credit)])])
        #expect(d.totaalIngediendBedrag == 2_000)
        #expect(d.totaalDebetCredit == .credit)
        #expect(DeclarationChecks.check(d, today: Day(iso: "2026-05-10")!).messageCodes.isEmpty)
    }
}
