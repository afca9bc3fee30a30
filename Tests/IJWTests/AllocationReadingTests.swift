import Domain
import Fixtures
import Foundation
import Testing

@testable import IJW

/// JW301 in, JW302 out: reading allocations and answering them in the standard's form.
struct AllocationReadingTests {
    @Test func theSharedJW301ExampleReadsWithItsProductsAndNoPersonalDetails() throws {
        guard case .allocation(let message) = try IJWReader.read(try SharedFiles.example("JW301")) else {
            Issue.record("not read as an allocation")
            return
        }
        #expect(message.gemeente == "0384" && message.aanbieder == "42420001")
        #expect(message.bsn == "999900006")
        #expect(message.products.map(\.toewijzingNummer) == ["300201", "300202"])
        let first = message.products[0]
        #expect(first.productCategorie == "55" && first.productCode == "55A11")
        #expect(first.ingangsdatum == Day(iso: "2026-04-01") && first.einddatum == Day(iso: "2026-07-14"))
        #expect(first.omvang == Omvang(volume: 2, eenheid: "04", frequentie: .perWeek))
        #expect(first.budget == nil)
    }

    @Test func theTestFixtureIsAValidJW301AndReadsBack() throws {
        let fixture = JW301Fixture(
            identificatie: "TW-1", dagtekening: Day(iso: "2026-03-01")!,
            products: [
                .init(
                    toewijzing: "5001", ingangsdatum: Day(iso: "2026-03-01")!, einddatum: Day(iso: "2026-12-31")!,
                    omvang: (8, "04", "4"), budgetCents: 500_000)
            ])
        #expect(try SharedFiles.schemaProblems(fixture.data, schema: "JW301") == nil)
        guard case .allocation(let message) = try IJWReader.read(fixture.data) else {
            Issue.record("not read as an allocation")
            return
        }
        #expect(message.products[0].budget == 500_000)
        #expect(message.products[0].omvang?.frequentie == .perMaand)
    }

    @Test func anAllocationThatEndsBeforeItStartsIsAStructureError() throws {
        let fixture = JW301Fixture(
            identificatie: "TW-2", dagtekening: Day(iso: "2026-03-01")!,
            products: [
                .init(toewijzing: "5001", ingangsdatum: Day(iso: "2026-03-01")!, einddatum: Day(iso: "2026-02-01")!)
            ])
        #expect(throws: IJWReadError.self) { try IJWReader.read(fixture.data) }
        do {
            _ = try IJWReader.read(fixture.data)
        } catch {
            #expect((error as? IJWReadError)?.header?.berichtCode == "436")
        }
    }

    @Test func theJW302AnswerIsSchemaValidForAcceptedAndRefused() throws {
        guard case .allocation(let message) = try IJWReader.read(try SharedFiles.example("JW301")) else { return }
        for codes in [[], [RetourCode.geenOpmerking], [.onbekendeGemeente, .datumInToekomst]] {
            let answer = RetourWriter.write(
                .jw302,
                .init(
                    original: message.header, identificatieRetour: "A1b2c3d4e5f6".prefix(12).description,
                    dagtekeningRetour: Day(iso: "2026-04-02")!, retourCodes: codes))
            #expect(try SharedFiles.schemaProblems(answer, schema: "JW302") == nil)
            let text = String(decoding: answer, as: UTF8.self)
            for code in codes { #expect(text.contains("<jw302:RetourCode>\(code.code)</jw302:RetourCode>")) }
            #expect(text.contains("<jw302:Afzender>0384</jw302:Afzender>"))
        }
    }
}
