import Domain
import Fixtures
import Foundation
import Testing

@testable import IJW

/// JW305, JW307 and JW315 in; JW306, JW308 and JW316 out.
struct CareMessageReadingTests {
    let day = Day(iso: "2026-04-03")!

    @Test func theSharedExamplesRead() throws {
        guard case .careStart(let start) = try IJWReader.read(try SharedFiles.example("JW305")) else {
            Issue.record("JW305 not read as a start")
            return
        }
        #expect(start.products.map(\.toewijzingNummer) == ["300201", "300202"])
        #expect(start.products[0].begindatum == day && start.products[0].status == .eersteAanlevering)
        guard case .careStop(let stop) = try IJWReader.read(try SharedFiles.example("JW307")) else {
            Issue.record("JW307 not read as a stop")
            return
        }
        #expect(stop.products[0].redenBeeindiging == "31" && stop.products[0].einddatum == Day(iso: "2026-07-17"))
        #expect(!stop.products[0].isTemporary)
    }

    @Test func theFixturesAreSchemaValidAndReadBack() throws {
        let start = CareFixture.start(
            identificatie: "S1", dagtekening: day, products: [.init(toewijzing: "5001", begindatum: day)])
        let stop = CareFixture.stop(
            identificatie: "S2", dagtekening: day,
            products: [.init(toewijzing: "5001", begindatum: day, einddatum: day, reden: "20")])
        let request = CareFixture.request(
            identificatie: "S3", dagtekening: day, referentie: "AANVRAAG-1", verwijzerType: "02", ingangsdatum: day)
        #expect(try SharedFiles.schemaProblems(start, schema: "JW305") == nil)
        #expect(try SharedFiles.schemaProblems(stop, schema: "JW307") == nil)
        #expect(try SharedFiles.schemaProblems(request, schema: "JW315") == nil)
        guard case .careStop(let readStop) = try IJWReader.read(stop) else { return }
        #expect(readStop.products[0].isTemporary)
        guard case .allocationRequest(let readRequest) = try IJWReader.read(request) else {
            Issue.record("JW315 not read as a request")
            return
        }
        #expect(readRequest.products[0].verwijzerType == "02")
        #expect(readRequest.products[0].referentieAanbieder == "AANVRAAG-1")
    }

    @Test func everyRetourIsSchemaValid() throws {
        let cases: [(String, RetourWriter.Message, String)] = [
            ("JW301", .jw302, "JW302"), ("JW305", .jw306, "JW306"), ("JW307", .jw308, "JW308"),
        ]
        for (example, retour, schema) in cases {
            let message = try IJWReader.read(try SharedFiles.example(example))
            let header = message.header
            #expect(RetourWriter.Message(answering: message.kind) == retour)
            for codes in [[], [RetourCode.geenOpmerking], [.nietTeKoppelen, .startNogNietGestopt]] {
                let answer = RetourWriter.write(
                    retour,
                    .init(
                        original: header, identificatieRetour: "A0011223344", dagtekeningRetour: day, retourCodes: codes
                    ))
                #expect(try SharedFiles.schemaProblems(answer, schema: schema) == nil, "\(schema)")
            }
        }
        let request = CareFixture.request(
            identificatie: "S3", dagtekening: day, referentie: "AANVRAAG-1", verwijzerType: "02", ingangsdatum: day)
        let header = try IJWReader.read(request).header
        let answer = RetourWriter.write(
            .jw316,
            .init(
                original: header, identificatieRetour: "A0011223344", dagtekeningRetour: day,
                retourCodes: [.geenOpmerking]))
        #expect(try SharedFiles.schemaProblems(answer, schema: "JW316") == nil)
    }
}

extension CareMessageReadingTests {
    /// TR018: a stop's Einddatum is not before its Begindatum; the error keeps the header
    /// and the message kind, so intake answers 0001 in a JW308.
    @Test func aStopThatEndsBeforeItBeginsIsRefused() throws {
        let stop = CareFixture.stop(
            identificatie: "T1", dagtekening: day,
            products: [
                .init(toewijzing: "5001", begindatum: Day(iso: "2026-04-10")!, einddatum: Day(iso: "2026-04-09")!)
            ])
        do {
            _ = try IJWReader.read(stop)
            Issue.record("a stop that ends before it begins was read")
        } catch {
            #expect(error.kind == .structure)
            #expect(error.header?.berichtCode == "440")
            #expect(error.messageKind == .jw307)
        }
    }
}
