import Domain
import Fixtures
import Foundation
import GRDB
import IJW
import Logging
import Messaging
import Testing

@testable import IntakeService

/// IV028's product-level form for JW302/306/308/316: a fault in a product echoes the
/// Client unchanged, 0200 on the header and the Client, the rule's code on the product
/// and 0200 on the others (0233 on a JW302's contacts and relations, which intake does
/// not check). Names and birth dates go back to the sender only: the stored answer holds
/// none, and an identical resend still gets the same bytes. Before: the product's code
/// went into the header and the Client was never echoed.
@Suite struct ProductLevelRetourTests {
    let today = Day(iso: "2026-05-10")!
    let april3 = Day(iso: "2026-04-03")!

    func processor(_ database: IntakeDatabase) -> IntakeProcessor {
        let now = Date(timeIntervalSince1970: TimeInterval(today.daysSince1970 * 86_400 + 43_200))
        var logger = Logger(label: "echo")
        logger.logLevel = .error
        return IntakeProcessor(
            database: database, pseudonymizer: Pseudonymizer(secret: "echo"), knownGemeenten: ["0268", "0209"],
            allocationGemeenten: ["0268"], requireAuthentication: false, clock: { now }, logger: logger)
    }

    func send(_ intake: IntakeProcessor, _ data: Data) -> Data {
        intake.process([IncomingRequest(envelope: [], document: data, authenticatedAs: nil)])[0]
    }

    func storedAnswers(_ database: IntakeDatabase) throws -> [String] {
        try database.writer.read { db in
            try Data.fetchAll(db, sql: "SELECT answer FROM message").map { String(decoding: $0, as: UTF8.self) }
        }
    }

    @Test func aRefusedProductComesBackUnderItsEchoedClientAndTheOthersWith0200() throws {
        let database = try IntakeDatabase.inMemory()
        let intake = processor(database)
        // The first product is fine; the second withdraws a start that was never sent (TR063).
        let document = CareFixture.start(
            identificatie: "S1", dagtekening: today, ontvanger: "0209",
            products: [
                .init(toewijzing: "5001", begindatum: april3),
                .init(toewijzing: "5002", begindatum: april3, status: "3"),
            ])
        let answer = send(intake, document)
        let text = String(decoding: answer, as: UTF8.self)
        #expect(
            RetourClasses(text) == RetourClasses(header: ["0200"], products: [["0200"], ["9063"]], client: ["0200"]),
            "\(text)")
        // Unchanged: the BSN, the birth date and the name as sent, in JW306's namespace.
        #expect(text.contains("<jw306:Bsn>999900006</jw306:Bsn>"))
        #expect(text.contains("<jw306:Geboortedatum><ijw:Datum>2012-03-04</ijw:Datum></jw306:Geboortedatum>"))
        #expect(text.contains("<ijw:Achternaam>Jansen</ijw:Achternaam>"))
        #expect(try SharedFiles.schemaProblems(answer, schema: "JW306") == nil)
        // Refused whole: the first product's start was not kept, so it may come again.
        let again = CareFixture.start(
            identificatie: "S2", dagtekening: today, ontvanger: "0209",
            products: [.init(toewijzing: "5001", begindatum: april3)])
        #expect(RetourClasses(String(decoding: send(intake, again), as: UTF8.self)) == RetourClasses(header: []))
    }

    @Test func theStoredAnswerHoldsNoNameOrBirthDateAndAResendGetsTheSameBytes() throws {
        let database = try IntakeDatabase.inMemory()
        let intake = processor(database)
        let document = CareFixture.stop(
            identificatie: "T1", dagtekening: today, ontvanger: "0209",
            products: [.init(toewijzing: "5001", begindatum: april3, einddatum: Day(iso: "2026-04-10")!)])
        let first = send(intake, document)
        #expect(String(decoding: first, as: UTF8.self).contains("Jansen"))
        #expect(RetourClasses(String(decoding: first, as: UTF8.self)).products == [["9069"]])
        for stored in try storedAnswers(database) {
            #expect(!stored.contains("Jansen") && !stored.contains("2012-03-04") && !stored.contains("999900006"))
        }
        #expect(send(intake, document) == first)
        #expect(try SharedFiles.schemaProblems(first, schema: "JW308") == nil)
    }

    @Test func aRefusedAllocationEchoesItsContactsUnchecked0233AndStoresNoAddress() throws {
        let database = try IntakeDatabase.inMemory()
        let intake = processor(database)
        let products = [JW301Fixture.Product(toewijzing: "5001", ingangsdatum: Day(iso: "2026-01-01")!)]
        _ = send(intake, JW301Fixture(identificatie: "TW1", dagtekening: today, products: products).data)
        // The same number for another client: TR332.
        let document = JW301Fixture(identificatie: "TW2", dagtekening: today, bsn: "999900018", products: products)
            .data
        let answer = send(intake, document)
        let text = String(decoding: answer, as: UTF8.self)
        #expect(
            RetourClasses(text) == RetourClasses(header: ["0200"], products: [["9332"]], client: ["0200"]), "\(text)")
        #expect(
            text.contains("<ijw:LandCode>NL</ijw:LandCode></jw302:Adres><jw302:RetourCodes><jw302:RetourCode>0233<"))
        #expect(try SharedFiles.schemaProblems(answer, schema: "JW302") == nil)
        for stored in try storedAnswers(database) { #expect(!stored.contains("Grote Markt")) }
        #expect(send(intake, document) == answer)
    }

    @Test func aRefusedRequestEchoesItsProducts() throws {
        let database = try IntakeDatabase.inMemory()
        let intake = processor(database)
        let request = { (id: String) in
            CareFixture.request(
                identificatie: id, dagtekening: today, ontvanger: "0209", referentie: "AANVRAAG-1",
                verwijzerType: "02", ingangsdatum: today)
        }
        _ = send(intake, request("V1"))
        let answer = send(intake, request("V2"))
        let text = String(decoding: answer, as: UTF8.self)
        #expect(
            RetourClasses(text) == RetourClasses(header: ["0200"], products: [["9347"]], client: ["0200"]), "\(text)")
        #expect(text.contains("<jw316:ReferentieAanbieder>AANVRAAG-1</jw316:ReferentieAanbieder>"))
        #expect(try SharedFiles.schemaProblems(answer, schema: "JW316") == nil)
    }
}
