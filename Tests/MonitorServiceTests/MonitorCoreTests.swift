import Contracts
import Domain
import Foundation
import GRDB
import Logging
import Messaging
import Storage
import Testing

@testable import MonitorService

@Suite struct MonitorCoreTests {
    let month = Month(year: 2026, month: 3)!
    var seq: Int64 = 0

    func makeCore() throws -> MonitorCore {
        try MonitorCore(
            database: .inMemory(), clock: { Date(timeIntervalSince1970: 1_775_000_000) },
            logger: Logger(label: "test"))
    }

    func line(_ id: Int64, cents: Int64, aanbieder: String = "12345678", gemeente: String = "0268") -> DeclaredLine {
        DeclaredLine(
            lineID: id, aanbieder: aanbieder, gemeente: gemeente, client: "p-1", referentieNummer: "RN\(id)",
            vorigReferentieNummer: nil, toewijzingNummer: "1", productCategorie: "45", productCode: "45A03",
            periodStart: month.firstDay, periodEnd: month.lastDay, volume: 1, eenheid: "04", tariffCents: cents,
            amountCents: cents, declaratieNummer: "DN", receivedOn: month.next.firstDay)
    }

    func event(_ seq: Int64, accepted line: DeclaredLine) throws -> LoggedEvent {
        LoggedEvent(seq: seq, kind: LineAccepted.kind.rawValue, body: try LineAccepted(line: line).encoded())
    }

    func event(_ seq: Int64, credited line: DeclaredLine) throws -> LoggedEvent {
        LoggedEvent(seq: seq, kind: LineCredited.kind.rawValue, body: try LineCredited(line: line).encoded())
    }

    func outbox(_ core: MonitorCore) throws -> [LoggedEvent] {
        try OutboxEventSource(reader: core.database.writer).events(after: 0, limit: 1000)
    }

    func addNorm(_ core: MonitorCore, limit: Int64 = 100_000) throws -> NormStatus {
        try core.addNorm(
            NormAddRequest(
                name: "Begeleiding", kind: .bestedingsruimte, gemeenten: ["0268"], aanbieder: "12345678",
                productCategorieen: ["45"], period: "2026", limit: limit))
    }

    @Test func crossingSeventyPercentFiresOneAlert() throws {
        let core = try makeCore()
        _ = try addNorm(core)
        let sink = core.intakeSink(afterCommit: {})
        try sink.apply([try event(1, accepted: line(1, cents: 50_000))])
        #expect(try outbox(core).filter { $0.kind == "alert.firing" }.isEmpty)
        try sink.apply([try event(2, accepted: line(2, cents: 25_000))])
        let firing = try outbox(core).filter { $0.kind == "alert.firing" }
        #expect(firing.count == 1)
        let alert = try AlertFiring.decoded(from: firing[0].body)
        #expect(alert.threshold == 70)
        #expect(alert.value == 75_000)
        #expect(alert.basisPoints == 7_500)
        // More spend above 70 but below 90: no second alert for the same crossing.
        try sink.apply([try event(3, accepted: line(3, cents: 5_000))])
        #expect(try outbox(core).filter { $0.kind == "alert.firing" }.count == 1)
        #expect(try core.normStatuses().first?.value == 80_000)
    }

    @Test func aReplayedBatchCountsOnce() throws {
        let core = try makeCore()
        _ = try addNorm(core)
        let sink = core.intakeSink(afterCommit: {})
        let batch = [try event(1, accepted: line(1, cents: 80_000))]
        try sink.apply(batch)
        try sink.apply(batch)
        #expect(try core.normStatuses().first?.value == 80_000)
        #expect(try outbox(core).filter { $0.kind == "alert.firing" }.count == 1)
    }

    @Test func aCreditBelowTheThresholdResolvesTheAlert() throws {
        let core = try makeCore()
        _ = try addNorm(core)
        let sink = core.intakeSink(afterCommit: {})
        try sink.apply([try event(1, accepted: line(1, cents: 95_000))])
        try sink.apply([try event(2, credited: line(1, cents: 30_000))])
        let kinds = try outbox(core).map(\.kind).filter { $0.hasPrefix("alert.") }
        // 95% fired 70 and 90; back at 65% both are resolved.
        #expect(kinds == ["alert.firing", "alert.firing", "alert.resolved", "alert.resolved"])
        let status = try #require(try core.normStatuses().first)
        #expect(status.value == 65_000)
        #expect(status.firing == [])
        let alerts = try core.alerts(state: nil)
        #expect(alerts.map(\.state) == ["resolved", "resolved"])
        #expect(alerts.map(\.threshold).sorted() == [70, 90])
        #expect(try core.alerts(state: "firing").isEmpty)
        #expect(throws: MonitorError.self) { try core.alerts(state: "weg") }
    }

    @Test func linesOutsideTheScopeDoNotCount() throws {
        let core = try makeCore()
        _ = try addNorm(core)
        let sink = core.intakeSink(afterCommit: {})
        try sink.apply([
            try event(1, accepted: line(1, cents: 90_000, aanbieder: "87654321")),
            try event(2, accepted: line(2, cents: 90_000, gemeente: "0356")),
        ])
        #expect(try core.normStatuses().first?.value == 0)
    }

    @Test func aNormAddedLaterStartsFromSpendAlreadyDeclared() throws {
        let core = try makeCore()
        let sink = core.intakeSink(afterCommit: {})
        try sink.apply([try event(1, accepted: line(1, cents: 72_000))])
        let status = try addNorm(core)
        #expect(status.value == 72_000)
        #expect(status.firing == [70])
        let kinds = try outbox(core).map(\.kind)
        #expect(kinds == ["norm.changed", "alert.firing"])
    }

    @Test func aForecastAboveTheLimitFiresAForecastAlertWithItsCrossingDate() throws {
        let may10 = Date(timeIntervalSince1970: TimeInterval(Day(iso: "2026-05-10")!.daysSince1970 * 86_400 + 43_200))
        let core = try MonitorCore(database: .inMemory(), clock: { may10 }, logger: Logger(label: "test"))
        _ = try addNorm(core, limit: 230_000)
        let sink = core.intakeSink(afterCommit: {})
        var events: [LoggedEvent] = []
        for (index, (month, cents)) in [
            ("2026-01", Int64(20_000)), ("2026-02", 20_000), ("2026-03", 20_000), ("2026-04", 5_000),
        ]
        .enumerated() {
            var declared = line(Int64(index + 1), cents: cents)
            declared.periodStart = Month(month)!.firstDay
            declared.periodEnd = Month(month)!.lastDay
            events.append(try event(Int64(index + 1), accepted: declared))
        }
        try sink.apply(events)
        let alerts = try outbox(core).filter { $0.kind == "alert.firing" }.map {
            try AlertFiring.decoded(from: $0.body)
        }
        #expect(alerts.map(\.alertKind) == [.forecast])
        #expect(alerts.first?.threshold == 100)
        // Fired by the February line: Jan and Feb complete (Feb's lag has passed on 10 May),
        // 20,000 a month → 240,000; 220,000 by November, 10,000 of December's 20,000 → 16 Dec.
        #expect(alerts.first?.forecastValue == 240_000)
        #expect(alerts.first?.forecastCrossing == Day(iso: "2026-12-16"))
        let status = try #require(try core.normStatuses().first)
        #expect(status.value == 65_000)
        #expect(status.forecast?.basisMonths == ["2026-01", "2026-02", "2026-03"])
        #expect(status.forecast?.projectedTotal == 240_000)
    }

    @Test func invalidNormsAreRefusedInDutch() throws {
        let core = try makeCore()
        #expect(throws: MonitorError.self) {
            try core.addNorm(
                NormAddRequest(
                    name: "x", kind: .bestedingsruimte, gemeenten: ["26"], aanbieder: nil, period: nil, limit: 1))
        }
        #expect(throws: MonitorError.self) {
            try core.addNorm(
                NormAddRequest(
                    name: "x", kind: .bestedingsruimte, gemeenten: ["0268"], aanbieder: nil, period: "2026-Q9", limit: 1
                ))
        }
    }
}

@Suite struct AlertLifecycleTests {
    @Test func firesNewAndResolvesFallenThresholds() {
        #expect(AlertLifecycle.actions(reached: [70, 90], firing: [70]) == [.fire(threshold: 90)])
        #expect(AlertLifecycle.actions(reached: [70], firing: [70, 90]) == [.resolve(threshold: 90)])
        #expect(AlertLifecycle.actions(reached: [70], firing: [70]) == [])
    }
}

@Suite struct NormIndexTests {
    @Test func findsOnlyNormsForTheLinesProviderAndGemeente() {
        let period = Period.year(2026)
        let a = NormDefinition(
            id: 1, name: "a", kind: .bestedingsruimte, scope: NormScope(gemeenten: ["0268"], aanbieder: "11111111"),
            period: period, limit: 1)
        let all = NormDefinition(
            id: 2, name: "all", kind: .signaalplafond, scope: NormScope(gemeenten: []), period: period, limit: 1)
        let other = NormDefinition(
            id: 3, name: "o", kind: .bestedingsruimte, scope: NormScope(gemeenten: ["0268"], aanbieder: "22222222"),
            period: period, limit: 1)
        let index = NormIndex([a, all, other])
        let month = Month(year: 2026, month: 5)!
        let line = DeclaredLine(
            lineID: 1, aanbieder: "11111111", gemeente: "0268", client: "p", referentieNummer: "r",
            vorigReferentieNummer: nil, toewijzingNummer: nil, productCategorie: "45", productCode: nil,
            periodStart: month.firstDay, periodEnd: month.lastDay, volume: 1, eenheid: "04", tariffCents: 1,
            amountCents: 1, declaratieNummer: "d", receivedOn: month.firstDay)
        #expect(Set(index.norms(for: line).map(\.id)) == [1, 2])
    }
}
