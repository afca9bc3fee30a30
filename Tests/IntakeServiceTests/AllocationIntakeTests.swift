import Contracts
import Domain
import Fixtures
import Foundation
import GRDB
import IJW
import Logging
import Messaging
import Storage
import Testing

@testable import IntakeService

/// Allocations from the gemeente's system, and declarations checked against them.
@Suite struct AllocationIntakeTests {
    let month = Month(year: 2026, month: 4)!
    let today = Day(iso: "2026-05-10")!

    /// Gemeente 0268 sends its allocations; 0209 does not (checks off).
    func processor() throws -> IntakeProcessor {
        let now = Date(timeIntervalSince1970: TimeInterval(today.daysSince1970 * 86_400 + 43_200))
        return IntakeProcessor(
            database: try .inMemory(), pseudonymizer: Pseudonymizer(secret: "test"), knownGemeenten: ["0268", "0209"],
            allocationGemeenten: ["0268"], requireAuthentication: false, clock: { now }, logger: Logger(label: "test"))
    }

    func send(_ processor: IntakeProcessor, _ data: Data) -> String {
        String(
            decoding: processor.process([IncomingRequest(envelope: [], document: data, authenticatedAs: nil)])[0],
            as: UTF8.self)
    }

    func allocate(_ intake: IntakeProcessor, id: String = "TW-1", gemeente: String = "0268") -> String {
        let products: [JW301Fixture.Product] = [
            .init(
                toewijzing: "5001", ingangsdatum: Day(iso: "2026-01-01")!, einddatum: Day(iso: "2026-12-31")!,
                omvang: (6, "04", "4")),
            .init(
                toewijzing: "5002", categorie: "41", code: "41A01", ingangsdatum: Day(iso: "2026-04-15")!,
                omvang: (10, "04", "6")),
            // A budget, for a category only (CD041, CD077), with an end (CD075).
            .init(
                toewijzing: "5003", categorie: "46", code: nil, ingangsdatum: Day(iso: "2026-01-01")!,
                einddatum: Day(iso: "2026-12-31")!, budgetCents: 20_000),
        ]
        return send(
            intake,
            JW301Fixture(
                afzender: gemeente, identificatie: id, dagtekening: Day(iso: "2026-01-02")!, products: products
            )
            .data)
    }

    func declare(_ intake: IntakeProcessor, _ id: String, gemeente: String = "0268", _ lines: [JW323Fixture.Line])
        -> String
    {
        send(
            intake,
            JW323Fixture(
                ontvanger: gemeente, identificatie: id, dagtekening: today, declaratieNummer: "DN-\(id)",
                periode: month,
                clients: [("999900006", lines)]
            ).data)
    }

    func line(
        _ ref: String, toewijzing: String = "5001", volume: Int64 = 4, categorie: String = "45",
        code: String = "45A03"
    ) -> JW323Fixture.Line {
        .init(
            referentie: ref, toewijzing: toewijzing, categorie: categorie, productCode: code, month: month,
            volume: volume, tariefCents: 1_000)
    }

    func rejected(_ answer: String) -> [String: [String]] {
        // referentie → codes of each returned Prestatie
        var result: [String: [String]] = [:]
        for block in answer.components(separatedBy: "<jw325:Prestatie>").dropFirst() {
            let body = block.components(separatedBy: "</jw325:Prestatie>")[0]
            let ref = body.components(separatedBy: "<ijw:ReferentieNummer>")[1].components(separatedBy: "<")[0]
            result[ref] = body.components(separatedBy: "<jw325:RetourCode>").dropFirst().map {
                $0.components(separatedBy: "<")[0]
            }
        }
        return result
    }

    @Test func anAllocationIsAcceptedStoredAndPublishedWithoutTheBSN() throws {
        let intake = try processor()
        let answer = allocate(intake)
        #expect(!answer.contains("RetourCode"))  // IV028: approved, header only
        #expect(try SharedFiles.schemaProblems(Data(answer.utf8), schema: "JW302") == nil)
        let events = try OutboxEventSource(reader: intake.database.writer).events(after: 0, limit: 10)
        #expect(events.map(\.kind) == ["allocation.recorded", "allocation.recorded", "allocation.recorded"])
        let first = try AllocationReceived.decoded(from: events[0].body)
        #expect(first.toewijzingNummer == "5001" && first.frequentie == "4")
        #expect(try AllocationReceived.decoded(from: events[2].body).budgetCents == 20_000)
        #expect(!String(decoding: events[0].body, as: UTF8.self).contains("999900006"))
        #expect(allocate(intake) == answer)  // an identical resend: the stored answer, nothing new
        #expect(try OutboxEventSource(reader: intake.database.writer).events(after: 0, limit: 10).count == 3)
    }

    @Test func anAllocationFromAGemeenteThatDoesNotSendThemGetsItsOwnRefusalNotS300() throws {
        let intake = try processor()
        let answer = allocate(intake, gemeente: "0209")
        #expect(answer.contains("<Code>TOEWIJZINGEN_NIET_INGESTELD</Code>"))
        #expect(!answer.contains("S300"))
        #expect(try OutboxEventSource(reader: intake.database.writer).events(after: 0, limit: 10).isEmpty)
    }

    @Test func anAllocationFromACodeThatIsNoKnownGemeenteIsS300() throws {
        let intake = try processor()
        let answer = allocate(intake, gemeente: "0363")
        #expect(answer.contains("<jw302:RetourCode>S300</jw302:RetourCode>"))
        #expect(try SharedFiles.schemaProblems(Data(answer.utf8), schema: "JW302") == nil)
        #expect(try OutboxEventSource(reader: intake.database.writer).events(after: 0, limit: 10).isEmpty)
    }

    @Test func declarationLinesAreCheckedAgainstTheAllocation() throws {
        let intake = try processor()
        _ = allocate(intake)
        let answer = declare(
            intake, "D1",
            [
                line("OK-1", volume: 4),  // 4 of 6 per month
                {
                    var over = line("OVER-MONTH", volume: 7)  // one line, 7 > 6 for March: 9321
                    over.month = Month(year: 2026, month: 3)!
                    return over
                }(),
                line("NO-ALLOC", toewijzing: "9999"),  // 9338
                // 9339 9340; and 9307 and 9387, as the allocation starts on 15 April
                line("WRONG-CAT", toewijzing: "5002", categorie: "45", code: "45A03"),
            ])
        let codes = rejected(answer)
        #expect(codes["OK-1"] == nil)
        #expect(codes["OVER-MONTH"] == ["9321"])
        #expect(codes["NO-ALLOC"] == ["9338"])
        #expect(codes["WRONG-CAT"] == ["9307", "9387", "9339", "9340"])
        // Budget: € 200,00 allocated, € 40,00 approved; € 170,00 more is too much.
        let first = declare(intake, "D2", [line("B1", toewijzing: "5003", volume: 4, categorie: "46", code: "46A01")])
        #expect(first.contains(">8001<"))
        let budget = declare(
            intake, "D3",
            [line("BIG", toewijzing: "5003", volume: 17, categorie: "46", code: "46A01")].map {
                var l = $0; l.month = Month(year: 2026, month: 3)!; return l
            })
        #expect(rejected(budget)["BIG"] == ["9369"])
    }

    @Test func aGemeenteWithoutAllocationsRunsWithTheChecksOff() throws {
        let intake = try processor()
        let answer = declare(intake, "D3", gemeente: "0209", [line("FREE", toewijzing: "777")])
        #expect(answer.contains("<jw325:RetourCode>8001</jw325:RetourCode>"))
    }

    @Test func aTariffOtherThanTheContractTariffIsRejected0611() throws {
        let now = Date(timeIntervalSince1970: TimeInterval(today.daysSince1970 * 86_400 + 43_200))
        let intake = IntakeProcessor(
            database: try .inMemory(), pseudonymizer: Pseudonymizer(secret: "test"), knownGemeenten: ["0268"],
            tariffs: try ContractTariffs.parse("0268;45A03;2026-01-01;;10,00\n"), requireAuthentication: false,
            clock: { now }, logger: Logger(label: "test"))
        var cheap = line("CHEAP", toewijzing: "5009")
        cheap.tariefCents = 900
        cheap.bedragCents = 900 * cheap.volume
        let answer = declare(intake, "T1", [line("CONTRACT"), cheap])
        #expect(rejected(answer) == ["CHEAP": ["0611"]])
    }
}
