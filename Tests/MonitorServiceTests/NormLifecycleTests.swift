import Contracts
import Domain
import Foundation
import GRDB
import Logging
import Messaging
import Storage
import Testing

@testable import MonitorService

/// Norms changed, ended, imported, and their history.
@Suite struct NormLifecycleTests {
    let base = MonitorCoreTests()

    func kinds(_ core: MonitorCore) throws -> [String] {
        try base.outbox(core).map(\.kind)
    }

    @Test func aRegioFromTheConfigurationCoversItsMembersAndAnUnknownOneIsRefused() throws {
        let core = try MonitorCore(
            database: .inMemory(), regions: ["Rijk van Nijmegen": ["0268", "0209", "0296"]],
            logger: Logger(label: "test"))
        let request = NormAddRequest(
            name: "Regionaal", kind: .signaalplafond, gemeenten: [], regio: "Rijk van Nijmegen", aanbieder: "12345678",
            period: "2026", limit: 100_000)
        #expect(try core.addNorm(request).norm.scope.gemeenten == ["0268", "0209", "0296"])
        var unknown = request
        unknown.regio = "Holland Rijnland"
        #expect(throws: MonitorError.self) { try core.addNorm(unknown) }
        // Gemeenten given explicitly win: the regio is then only its name.
        var explicit = request
        explicit.gemeenten = ["0268"]
        #expect(try core.addNorm(explicit).norm.scope.gemeenten == ["0268"])
    }

    @Test func raisingTheLimitResolvesWhatTheValueNoLongerReachesAndLoweringFires() throws {
        let core = try base.makeCore()
        _ = try base.addNorm(core)
        try core.intakeSink(afterCommit: {}).apply([try base.event(1, accepted: base.line(1, cents: 75_000))])
        #expect(try kinds(core).filter { $0 == "alert.firing" }.count == 1)  // 75% of 100,000
        let raised = try core.changeNorm(NormChangeRequest(id: 1, limit: 150_000, by: "J. de Vries"))
        #expect(raised.norm.version == 2 && raised.norm.limit == 150_000)
        #expect(raised.firing.isEmpty)  // 50%
        #expect(try kinds(core).filter { $0 == "alert.resolved" }.count == 1)
        let lowered = try core.changeNorm(NormChangeRequest(id: 1, limit: 80_000, thresholds: [50, 90]))
        #expect(lowered.firing == [50, 90])  // 93.75%
        #expect(lowered.norm.thresholds == [50, 90])
        #expect(try kinds(core).filter { $0 == "norm.changed" }.count == 3)  // added, changed, changed
    }

    @Test func anEndedNormNoLongerCountsButKeepsItsHistory() throws {
        let core = try base.makeCore()
        _ = try base.addNorm(core)
        let sink = core.intakeSink(afterCommit: {})
        try sink.apply([try base.event(1, accepted: base.line(1, cents: 10_000))])
        let ended = try core.endNorm(NormEndRequest(id: 1, by: "P. Jansen"))
        #expect(ended.norm.ended && ended.value == 10_000)
        try sink.apply([try base.event(2, accepted: base.line(2, cents: 90_000))])
        #expect(try core.normStatuses().first?.value == 10_000)
        #expect(throws: MonitorError.self) { try core.changeNorm(NormChangeRequest(id: 1, limit: 5)) }
        let history = try core.normHistory(id: 1)
        #expect(history.map(\.change) == [.added, .ended])
        #expect(history.map(\.version) == [1, 2])
        #expect(history.last?.by == "P. Jansen")
        #expect(throws: MonitorError.self) { try core.normHistory(id: 9) }
    }

    @Test func endingANormResolvesItsFiringAlerts() throws {
        let core = try base.makeCore()
        _ = try base.addNorm(core)
        try core.intakeSink(afterCommit: {}).apply([try base.event(1, accepted: base.line(1, cents: 95_000))])
        let firing = try core.alerts(state: "firing")
        #expect(firing.count >= 2)  // 70% and 90% of 100,000
        _ = try core.endNorm(NormEndRequest(id: 1, by: "P. Jansen"))
        #expect(try core.alerts(state: "firing").isEmpty)
        let resolved = try base.outbox(core).filter { $0.kind == "alert.resolved" }
        #expect(resolved.count == firing.count)
        // The resolution keeps the value the alert last had; nothing new fires afterwards.
        #expect(try AlertResolved.decoded(from: resolved[0].body).value == 95_000)
    }

    @Test func aChangedPeriodRecountsTheNormFromTheSpendAlreadyDeclared() throws {
        let core = try base.makeCore()
        _ = try base.addNorm(core)
        try core.intakeSink(afterCommit: {}).apply([try base.event(1, accepted: base.line(1, cents: 20_000))])
        // The line is in March: the second half of the year holds none of it.
        #expect(try core.changeNorm(NormChangeRequest(id: 1, period: "2026-H2")).value == 0)
        #expect(try core.changeNorm(NormChangeRequest(id: 1, period: "2026-Q1")).value == 20_000)
    }

    @Test func anImportIsAllOrNothing() throws {
        let core = try base.makeCore()
        let good = NormAddRequest(
            name: "Begeleiding", kind: .bestedingsruimte, gemeenten: ["0268"], aanbieder: "12345678",
            productCategorieen: ["45"], period: "2026", limit: 100_000)
        var bad = good
        bad.name = "Kapot"
        bad.aanbieder = "123"
        do {
            _ = try core.importNorms(NormImportRequest(norms: [good, bad]))
            Issue.record("an import with a bad norm was accepted")
        } catch let error as MonitorError {
            #expect(error.message == "norm 2 (Kapot): ongeldige AGB-code 123")
        }
        #expect(try core.normStatuses().isEmpty)
        var second = good
        second.name = "Dagbehandeling"
        let imported = try core.importNorms(NormImportRequest(norms: [good, second]))
        #expect(imported.map(\.norm.id) == [1, 2])
    }
}
