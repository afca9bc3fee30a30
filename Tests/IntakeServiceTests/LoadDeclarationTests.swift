import Domain
import Foundation
import IJW
import Logging
import Messaging
import Testing

@testable import IntakeService

/// The synthetic declarations `plafond-bench` and `plafond loadgen` send must be valid
/// and approved whole: a throughput figure over refusals would measure nothing.
@Suite struct LoadDeclarationTests {
    @Test func aLoadDeclarationIsApprovedWhole() throws {
        let today = Day(iso: "2026-05-10")!
        let now = Date(timeIntervalSince1970: TimeInterval(today.daysSince1970 * 86_400 + 43_200))
        let intake = IntakeProcessor(
            database: try .inMemory(), pseudonymizer: Pseudonymizer(secret: "load"), knownGemeenten: ["0268"],
            requireAuthentication: false, clock: { now }, logger: Logger(label: "load"))
        for message in [0, 24] {
            let document = LoadDeclaration.make(
                run: "T", client: 3, message: message, lines: 200, month: today.month.previous, gemeente: "0268",
                dagtekening: today)
            let answer = String(
                decoding: intake.process([IncomingRequest(envelope: [], document: document, authenticatedAs: nil)])[0],
                as: UTF8.self)
            #expect(answer.contains("<jw325:RetourCode>8001</jw325:RetourCode>"), "\(answer.prefix(2_000))")
        }
    }
}
