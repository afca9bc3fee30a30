import Contracts
import Domain
import Foundation
import GRDB
import Logging
import Messaging
import Storage
import Testing

@testable import MonitorService

/// Instroomtarget: distinct clients new to a provider within the period.
@Suite struct InstroomtargetTests {
    let base = MonitorCoreTests()

    func line(_ id: Int64, client: String, month: Month) -> DeclaredLine {
        var line = base.line(id, cents: 1_000)
        line.client = client
        line.periodStart = month.firstDay
        line.periodEnd = month.lastDay
        return line
    }

    func started(_ seq: Int64, client: String, on day: String, withdrawn: Bool = false) throws -> LoggedEvent {
        let start = CareStarted(
            gemeente: "0268", aanbieder: "12345678", client: client, toewijzingNummer: "1", productCategorie: "45",
            productCode: "45A03", begindatum: Day(iso: day)!, withdrawn: withdrawn)
        return LoggedEvent(seq: seq, kind: CareStarted.kind.rawValue, body: try start.encoded())
    }

    func addTarget(_ core: MonitorCore) throws -> NormStatus {
        try core.addNorm(
            NormAddRequest(
                name: "Instroom De Linde", kind: .instroomtarget, gemeenten: ["0268"], aanbieder: "12345678",
                productCategorieen: ["45"], period: "2026", limit: 2, thresholds: [50, 100]))
    }

    func firing(_ core: MonitorCore) throws -> [Int] {
        try base.outbox(core).filter { $0.kind == "alert.firing" }.map {
            try AlertFiring.decoded(from: $0.body).threshold
        }
    }

    @Test func newClientsAreCountedOnceFromTheirStartOrFirstLine() throws {
        let core = try base.makeCore()
        _ = try addTarget(core)
        let sink = core.intakeSink(afterCommit: {})
        let march = Month(year: 2026, month: 3)!
        try sink.apply([try base.event(1, accepted: line(1, client: "p-a", month: march))])
        try sink.apply([try base.event(2, accepted: line(2, client: "p-a", month: march.next))])
        #expect(try core.normStatuses()[0].value == 1)
        #expect(try firing(core) == [50])
        try sink.apply([try started(3, client: "p-b", on: "2026-04-02")])
        #expect(try core.normStatuses()[0].value == 2)
        #expect(try firing(core) == [50, 100])
        try sink.apply([try started(4, client: "p-c", on: "2026-04-03", withdrawn: true)])
        #expect(try core.normStatuses()[0].value == 2)
    }

    @Test func aClientAlreadyInCareBeforeThePeriodIsNotNew() throws {
        let core = try base.makeCore()
        let sink = core.intakeSink(afterCommit: {})
        try sink.apply([
            try base.event(1, accepted: line(1, client: "p-old", month: Month(year: 2025, month: 11)!)),
            try base.event(2, accepted: line(2, client: "p-old", month: Month(year: 2026, month: 2)!)),
            try base.event(3, accepted: line(3, client: "p-new", month: Month(year: 2026, month: 2)!)),
        ])
        // Added later: counted from what is already known.
        #expect(try addTarget(core).value == 1)
    }
}
