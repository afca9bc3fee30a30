import Domain
import Fixtures
import Foundation
import Logging
import Testing

@testable import IntakeService

/// An allocation number (ToewijzingNummer) is the gemeente's own: two gemeenten may hand
/// out the same number to one provider, and a credit undoes a debit only in the gemeente
/// it was declared to.
@Suite struct GemeenteHistoryTests {
    let month = Month(year: 2026, month: 4)!
    let today = Day(iso: "2026-05-10")!

    func processor() throws -> IntakeProcessor {
        let now = Date(timeIntervalSince1970: TimeInterval(today.daysSince1970 * 86_400 + 43_200))
        return IntakeProcessor(
            database: try .inMemory(), pseudonymizer: Pseudonymizer(secret: "test"),
            knownGemeenten: ["0268", "0209"], requireAuthentication: false, clock: { now },
            logger: Logger(label: "test"))
    }

    func send(_ processor: IntakeProcessor, to gemeente: String, _ id: String, _ line: JW323Fixture.Line) -> String {
        let fixture = JW323Fixture(
            ontvanger: gemeente, identificatie: id, dagtekening: today, declaratieNummer: "DN-\(id)", periode: month,
            clients: [("999900006", [line])])
        return String(
            decoding: processor.process([IncomingRequest(envelope: [], document: fixture.data, authenticatedAs: nil)])[
                0], as: UTF8.self)
    }

    func line(_ reference: String, previous: String? = nil, credit: Bool = false) -> JW323Fixture.Line {
        .init(
            referentie: reference, vorigeReferentie: previous, toewijzing: "10072", month: month, volume: 4,
            tariefCents: 1_250, debetCredit: credit ? "C" : "D")
    }

    @Test func theSameAllocationNumberInAnotherGemeenteIsNoSecondDebit() throws {
        let intake = try processor()
        #expect(send(intake, to: "0268", "G1", line("R1")).contains(">8001<"))
        let other = send(intake, to: "0209", "G2", line("R2"))
        #expect(other.contains(">8001<"), "\(other)")
        // In the first gemeente it still is one.
        #expect(send(intake, to: "0268", "G3", line("R3")).contains(">9389<"))
    }

    @Test func aCreditUndoesADebitOnlyInTheGemeenteItWasDeclaredTo() throws {
        let intake = try processor()
        #expect(send(intake, to: "0268", "G1", line("R1")).contains(">8001<"))
        let elsewhere = send(intake, to: "0209", "G2", line("C1", previous: "R1", credit: true))
        #expect(elsewhere.contains(">8017<"), "\(elsewhere)")
        let own = send(intake, to: "0268", "G3", line("C2", previous: "R1", credit: true))
        #expect(own.contains(">8001<"), "\(own)")
    }
}
