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

@Suite struct IntakeProcessorTests {
    let month = Month(year: 2026, month: 4)!
    let today = Day(iso: "2026-05-10")!

    func processor() throws -> IntakeProcessor {
        let now = Date(timeIntervalSince1970: TimeInterval(today.daysSince1970 * 86_400 + 43_200))
        return IntakeProcessor(
            database: try .inMemory(), pseudonymizer: Pseudonymizer(secret: "test"), knownGemeenten: ["0268"],
            requireAuthentication: false, clock: { now }, logger: Logger(label: "test"))
    }

    func send(_ processor: IntakeProcessor, _ fixture: JW323Fixture) -> String {
        String(
            decoding: processor.process([IncomingRequest(envelope: [], document: fixture.data, authenticatedAs: nil)])[
                0], as: UTF8.self)
    }

    func declaration(_ id: String, lines: [JW323Fixture.Line], bsn: String = "999900006") -> JW323Fixture {
        JW323Fixture(
            identificatie: id, dagtekening: today, declaratieNummer: "DN-\(id)", periode: month, clients: [(bsn, lines)]
        )
    }

    func line(_ reference: String, previous: String? = nil, credit: Bool = false, toewijzing: String = "10072")
        -> JW323Fixture.Line
    {
        .init(
            referentie: reference, vorigeReferentie: previous, toewijzing: toewijzing, month: month, volume: 4,
            tariefCents: 1_250,
            debetCredit: credit ? "C" : "D")
    }

    func events(_ processor: IntakeProcessor) throws -> [LoggedEvent] {
        try OutboxEventSource(reader: processor.database.writer).events(after: 0, limit: 100)
    }

    @Test func anApprovedDeclarationIsAnswered8001AndPublishedWithAPseudonym() throws {
        let intake = try processor()
        let answer = send(intake, declaration("M1", lines: [line("R1"), line("R2", toewijzing: "10073")]))
        #expect(answer.contains("<jw325:RetourCode>8001</jw325:RetourCode>"))
        #expect(!answer.contains("<jw325:Prestatie>"))
        let published = try events(intake)
        #expect(published.map(\.kind) == ["line.accepted", "line.accepted"])
        let body = String(decoding: published[0].body, as: UTF8.self)
        #expect(!body.contains("999900006"))
        #expect(
            try LineAccepted.decoded(from: published[0].body).line.client
                == Pseudonymizer(secret: "test").pseudonym(forBSN: "999900006"))
    }

    @Test func anIdenticalResendGetsTheStoredAnswerAndChangesNothing() throws {
        let intake = try processor()
        let fixture = declaration("M1", lines: [line("R1")])
        let first = send(intake, fixture)
        let second = send(intake, fixture)
        #expect(first == second)
        #expect(try events(intake).count == 1)
    }

    @Test func theSameIdentificationWithOtherContentIs9056() throws {
        let intake = try processor()
        _ = send(intake, declaration("M1", lines: [line("R1")]))
        var changed = declaration("M1", lines: [line("R1"), line("R9", toewijzing: "1")])
        changed.declaratieNummer = "DN-OTHER"
        let answer = send(intake, changed)
        #expect(answer.contains("<jw325:RetourCode>9056</jw325:RetourCode>"))
        #expect(try events(intake).count == 1)
    }

    @Test func aReusedReferenceIs8021AndAReusedDeclarationNumberIs9333() throws {
        let intake = try processor()
        _ = send(intake, declaration("M1", lines: [line("R1")]))
        let reused = send(intake, declaration("M2", lines: [line("R1", toewijzing: "2")]))
        #expect(reused.contains("<jw325:RetourCode>8021</jw325:RetourCode>"))
        var sameNumber = declaration("M3", lines: [line("R3", toewijzing: "3")])
        sameNumber.declaratieNummer = "DN-M1"
        #expect(send(intake, sameNumber).contains("<jw325:RetourCode>9333</jw325:RetourCode>"))
    }

    @Test func creditsNeedAnApprovedDebitAndCreditOnce() throws {
        let intake = try processor()
        _ = send(intake, declaration("M1", lines: [line("R1")]))
        let orphan = send(intake, declaration("M2", lines: [line("C0", previous: "NOPE", credit: true)]))
        #expect(orphan.contains("<jw325:RetourCode>8017</jw325:RetourCode>"))
        let credit = send(intake, declaration("M3", lines: [line("C1", previous: "R1", credit: true)]))
        #expect(credit.contains("8001"))
        let again = send(intake, declaration("M4", lines: [line("C2", previous: "R1", credit: true)]))
        #expect(again.contains("<jw325:RetourCode>9390</jw325:RetourCode>"))
        #expect(try events(intake).map(\.kind) == ["line.accepted", "line.credited"])
    }

    @Test func aSecondDebitNeedsTheFirstCreditedAndCreditAndRedebitInOneMessageIsACorrection() throws {
        let intake = try processor()
        _ = send(intake, declaration("M1", lines: [line("R1")]))
        let second = send(intake, declaration("M2", lines: [line("R2")]))
        #expect(second.contains("<jw325:RetourCode>9389</jw325:RetourCode>"))
        let correction = send(intake, declaration("M3", lines: [line("R3"), line("C1", previous: "R1", credit: true)]))
        #expect(correction.contains("8001"), "\(correction)")
        // Credits are processed before debits, whatever their order in the message.
        #expect(try events(intake).map(\.kind) == ["line.accepted", "line.credited", "line.accepted"])
    }

    @Test func anUnknownGemeenteAndABadBSNRejectTheWholeMessage() throws {
        let intake = try processor()
        var elsewhere = declaration("M1", lines: [line("R1")])
        elsewhere.ontvanger = "0363"
        let answer = send(intake, elsewhere)
        #expect(answer.contains("<jw325:RetourCode>S300</jw325:RetourCode>"))
        #expect(!answer.contains("DeclaratieAntwoord"))
        #expect(
            send(intake, declaration("M2", lines: [line("R2")], bsn: "999900007")).contains(
                "<jw325:RetourCode>0001</jw325:RetourCode>"))
        #expect(try events(intake).isEmpty)
    }

    @Test func somethingThatIsNoIJWGetsTheDocumentedFault() throws {
        let intake = try processor()
        let answer = intake.process([IncomingRequest(envelope: [], document: Data("hallo".utf8), authenticatedAs: nil)]
        )[0]
        #expect(String(decoding: answer, as: UTF8.self).contains("<Code>GEEN_IJW</Code>"))
    }

    @Test func aBatchCommitsTogetherAndEachMessageGetsItsOwnAnswer() throws {
        let intake = try processor()
        let requests =
            (1...20).map { n in
                IncomingRequest(
                    envelope: [], document: declaration("B\(n)", lines: [line("RB\(n)", toewijzing: "\(n)")]).data,
                    authenticatedAs: nil)
            } + [IncomingRequest(envelope: [], document: Data("<x/>".utf8), authenticatedAs: nil)]
        let answers = intake.process(requests).map { String(decoding: $0, as: UTF8.self) }
        #expect(answers.prefix(20).allSatisfy { $0.contains("8001") })
        #expect(answers.last?.contains("GEEN_IJW") == true)
        #expect(try events(intake).count == 20)
    }
}
