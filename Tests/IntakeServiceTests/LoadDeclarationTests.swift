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

    /// TR318: a provider's load sends each gemeente one declaration per month, its months
    /// in order, so none comes before one already declared (8214). Before, every
    /// declaration went to one gemeente for last month.
    @Test func loadDeclarationsFollowEachOtherMonthByMonthPerGemeente() throws {
        let today = Day(iso: "2026-05-10")!
        let now = Date(timeIntervalSince1970: TimeInterval(today.daysSince1970 * 86_400 + 43_200))
        let intake = IntakeProcessor(
            database: try .inMemory(), pseudonymizer: Pseudonymizer(secret: "load"), knownGemeenten: [],
            requireAuthentication: false, clock: { now }, logger: Logger(label: "load"))
        let last = today.month.previous
        for (count, gemeenten) in [(25, LoadDeclaration.gemeenten), (20, ["0268"]), (3, ["0268", "0209"])] {
            var sent: Set<String> = []
            var latest: [String: Month] = [:]
            for message in 0..<count {
                let slot = LoadDeclaration.slot(message: message, count: count, gemeenten: gemeenten, last: last)
                #expect(sent.insert("\(slot.gemeente) \(slot.month)").inserted, "\(slot) twice")
                #expect(slot.month >= latest[slot.gemeente] ?? slot.month && slot.month <= last)
                latest[slot.gemeente] = slot.month
                let document = LoadDeclaration.make(
                    run: "S\(count)", client: count, message: message, lines: 20, month: slot.month,
                    gemeente: slot.gemeente, dagtekening: today)
                let answer = String(
                    decoding: intake.process([IncomingRequest(envelope: [], document: document, authenticatedAs: nil)])[
                        0],
                    as: UTF8.self)
                #expect(
                    answer.contains("<jw325:RetourCode>8001</jw325:RetourCode>"), "\(slot): \(answer.prefix(2_000))")
            }
            // The last month is last month, for every gemeente that has a declaration in it.
            #expect(latest.values.max() == last)
        }
        #expect(LoadDeclaration.capacity(gemeenten: 1) == 60)
    }
}
