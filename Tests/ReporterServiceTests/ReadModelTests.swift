import Contracts
import Domain
import Foundation
import Messaging
import Storage
import Testing

@testable import ReporterService

@Suite struct ReadModelTests {
    let month = Month(year: 2026, month: 4)!

    func line(_ id: Int64, cents: Int64, month: Month? = nil) -> DeclaredLine {
        let m = month ?? self.month
        return DeclaredLine(
            lineID: id, aanbieder: "12345678", gemeente: "0268", client: "p-\(id)", referentieNummer: "RN\(id)",
            vorigReferentieNummer: nil, toewijzingNummer: "1", productCategorie: "45", productCode: "45A03",
            periodStart: m.firstDay, periodEnd: m.lastDay, volume: 1, eenheid: "04", tariffCents: cents,
            amountCents: cents, declaratieNummer: "DN", receivedOn: m.next.firstDay)
    }

    let norm = NormDefinition(
        id: 7, name: "Begeleiding", kind: .bestedingsruimte,
        scope: NormScope(gemeenten: ["0268"], aanbieder: "12345678", productCategorieen: ["45"]),
        period: .year(2026), limit: 100_000)

    func feed(_ core: ReporterCore) throws {
        try core.monitorSink().apply([
            LoggedEvent(
                seq: 1, kind: NormChanged.kind.rawValue,
                body: try NormChanged(change: .added, norm: norm, by: "test", at: Date(timeIntervalSince1970: 0))
                    .encoded()),
            LoggedEvent(
                seq: 2, kind: AlertFiring.kind.rawValue,
                body: try AlertFiring(
                    alertID: 3, norm: AlertNorm(norm), alertKind: .actual, threshold: 70, value: 72_500, limit: 100_000,
                    forecastValue: nil, forecastCrossing: nil, firedAt: Date(timeIntervalSince1970: 0)
                ).encoded()),
        ])
        try core.intakeSink().apply([
            LoggedEvent(
                seq: 1, kind: LineAccepted.kind.rawValue, body: try LineAccepted(line: line(1, cents: 50_000)).encoded()
            ),
            LoggedEvent(
                seq: 2, kind: LineAccepted.kind.rawValue,
                body: try LineAccepted(line: line(2, cents: 30_000, month: month.next)).encoded()),
            LoggedEvent(
                seq: 3, kind: LineCredited.kind.rawValue, body: try LineCredited(line: line(1, cents: 7_500)).encoded()),
        ])
    }

    @Test func normFiguresComeFromTheLogsByMonthOfCare() async throws {
        let core = ReporterCore(database: try .inMemory())
        try feed(core)
        let figures = try #require(try await core.database.norm(id: 7))
        #expect(figures.spent == 72_500)
        #expect(figures.basisPoints == 7_250)
        #expect(figures.percentage == "72.50")
        #expect(figures.firingThresholds == [70])
        #expect(figures.months.map(\.month) == ["2026-04", "2026-05"])
        #expect(figures.months.map(\.value) == [42_500, 30_000])
        #expect(figures.months.map(\.cumulative) == [42_500, 72_500])
        #expect(try await core.database.norms().count == 1)
        #expect(try await core.database.norm(id: 99) == nil)
    }

    @Test func aRebuildFromTheSameLogsGivesTheSameFigures() async throws {
        let live = ReporterCore(database: try .inMemory())
        try feed(live)
        let rebuilt = ReporterCore(database: try .inMemory())
        try feed(rebuilt)
        #expect(try await live.database.norms() == rebuilt.database.norms())
    }

    /// Definitions are decoded once per change of the norm table: a changed limit and an
    /// added norm must show in the very next read, also in the indicators and reports.
    @Test func aChangedOrAddedNormShowsInTheNextRead() async throws {
        let core = ReporterCore(database: try .inMemory())
        try feed(core)
        #expect(try await core.database.norms().map(\.limit) == [100_000])
        var raised = norm
        raised.limit = 200_000
        raised.version += 1
        var other = norm
        other.id = 8
        other.scope.gemeenten = ["0344"]
        try core.monitorSink().apply([
            LoggedEvent(
                seq: 3, kind: NormChanged.kind.rawValue,
                body: try NormChanged(change: .changed, norm: raised, by: "test", at: Date(timeIntervalSince1970: 1))
                    .encoded())
        ])
        #expect(try await core.database.norms().map(\.limit) == [200_000])
        #expect(try await core.database.norm(id: 7)?.basisPoints == 3_625)
        try core.monitorSink().apply([
            LoggedEvent(
                seq: 4, kind: NormChanged.kind.rawValue,
                body: try NormChanged(change: .added, norm: other, by: "test", at: Date(timeIntervalSince1970: 2))
                    .encoded())
        ])
        #expect(try await core.database.norms().map(\.id) == [7, 8])
        let utrecht = try await core.database.report(area: .gemeente("0344"), period: .year(2026))
        #expect(utrecht.normen.map(\.id) == [8])
    }
}
