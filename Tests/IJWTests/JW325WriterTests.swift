import Domain
import Fixtures
import Foundation
import IJW
import Testing

@Suite struct JW325WriterTests {
    let header = DeclarationAnswer.Header(
        afzender: "0268", ontvanger: "12345678", identificatie: "A1b2c3d4e5f6", dagtekening: Day(iso: "2026-05-10")!,
        declaratieIdentificatie: "765432198", declaratieDagtekening: Day(iso: "2026-05-06")!,
        basisschemaXsdVersie: "1.0.0", berichtXsdVersie: "1.0.0", retourCodes: [.geenOpmerking])

    let line = DeclarationLine(
        referentieNummer: "RN<&>1", vorigReferentieNummer: nil, toewijzingNummer: "10072", productCategorie: "45",
        productCode: "45A03", productPeriode: .month(Month("2026-04")!), geleverdVolume: 4, eenheid: "04",
        productTarief: 1_250, ingediendBedrag: 5_100, debetCredit: .debet)

    @Test func anAllApprovedAnswerIsSchemaValidAndSays8001() throws {
        let answer = DeclarationAnswer(
            header: header,
            body: .init(
                declaratieNummer: "DN001", totaalIngediend: Money(cents: 5_000), totaalToegekend: Money(cents: 5_000),
                clients: [], retourCodes: [.volledigToegekend]))
        let xml = JW325Writer.write(answer)
        #expect(try SharedFiles.schemaProblems(xml, schema: "JW325") == nil)
        #expect(String(decoding: xml, as: UTF8.self).contains("<jw325:RetourCode>8001</jw325:RetourCode>"))
    }

    @Test func rejectedLinesComeBackWithTheirCodesAndValidate() throws {
        let answer = DeclarationAnswer(
            header: header,
            body: .init(
                declaratieNummer: "DN001", totaalIngediend: Money(cents: 10_100), totaalToegekend: Money(cents: 5_000),
                clients: [.init(bsn: "999900006", lines: [.init(line: line, retourCodes: [.bedragOnjuist])])],
                retourCodes: [.geenOpmerking]))
        let xml = JW325Writer.write(answer)
        #expect(try SharedFiles.schemaProblems(xml, schema: "JW325") == nil)
        let text = String(decoding: xml, as: UTF8.self)
        #expect(text.contains("<jw325:RetourCode>9346</jw325:RetourCode>"))
        #expect(text.contains("RN&lt;&amp;&gt;1"))
    }

    @Test func aTechnicalRejectionIsHeaderOnlyAndValid() throws {
        var rejected = header
        rejected.retourCodes = [.technischeAfwijzing]
        let xml = JW325Writer.write(DeclarationAnswer(header: rejected, body: nil))
        #expect(try SharedFiles.schemaProblems(xml, schema: "JW325") == nil)
        #expect(!String(decoding: xml, as: UTF8.self).contains("DeclaratieAntwoord"))
    }

    @Test func aNetCreditTotalIsWrittenAsMagnitudeWithC() throws {
        let answer = DeclarationAnswer(
            header: header,
            body: .init(
                declaratieNummer: "DN002", totaalIngediend: Money(cents: -5_000), totaalToegekend: Money(cents: -5_000),
                clients: [], retourCodes: [.volledigToegekend]))
        let text = String(decoding: JW325Writer.write(answer), as: UTF8.self)
        #expect(text.contains("<ijw:TotaalBedrag>5000</ijw:TotaalBedrag><ijw:DebetCredit>C</ijw:DebetCredit>"))
        #expect(try SharedFiles.schemaProblems(JW325Writer.write(answer), schema: "JW325") == nil)
    }
}
