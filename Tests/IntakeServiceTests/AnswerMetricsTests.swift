import Domain
import Fixtures
import Foundation
import Messaging
import Testing

@testable import IntakeService

/// The codes `plafond_intake_retourcodes_total` counts, read from the answer bytes.
@Suite struct AnswerMetricsTests {
    /// A product-level retour echoes the Client's products with their `<ijw:Code>`: a
    /// product code, which must not become a retourcode label, nor may a closing tag add
    /// an empty code. Before: both were counted.
    @Test func anEchoedProductCodeIsNoRetourcode() throws {
        let today = Day(iso: "2026-05-10")!
        let intake = try ProductLevelRetourTests().processor(.inMemory())
        let stop = CareFixture.stop(
            identificatie: "T1", dagtekening: today, ontvanger: "0209",
            products: [.init(toewijzing: "5001", begindatum: Day(iso: "2026-04-03")!, einddatum: today)])
        let answer = intake.process([IncomingRequest(envelope: [], document: stop, authenticatedAs: nil)])[0]
        #expect(String(decoding: answer, as: UTF8.self).contains("<ijw:Code>45A03</ijw:Code>"))
        #expect(AnswerMetrics.codes(in: answer) == ["0200", "9069", "0200"])
    }

    @Test func aFaultsCodeIsCounted() {
        let fault = PlafondFault(.geenIJW, "geen iJw").xml()
        #expect(AnswerMetrics.codes(in: fault) == ["GEEN_IJW"])
    }
}
