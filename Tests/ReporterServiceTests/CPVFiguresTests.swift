import Contracts
import Domain
import Foundation
import Messaging
import Testing

@testable import ReporterService

/// The CPV's decisions on the timeline (without the allocation number) and counted in the
/// report: six granted, five refused, on 1 April 2026 about norm 7.
@Suite struct CPVFiguresTests {
    @Test func decisionsAreOnTheTimelineAndCountedGrantedAndRefused() async throws {
        let core = ReporterCore(database: try .inMemory())
        try ReadModelTests().feed(core)  // norm 7 for 0268, seq 1 and 2
        let at = Date(timeIntervalSince1970: 1_775_000_000)  // 31 March 2026, 23:33 UTC
        var events: [LoggedEvent] = []
        for (index, granted) in (Array(repeating: true, count: 6) + Array(repeating: false, count: 5)).enumerated() {
            let request = CPVDecisionRequest(
                toewijzingNummer: "3002\(index + 10)", normID: 7, granted: granted,
                reason: granted ? "onderbouwd beroep" : "basishulp volstaat", by: "CPV Nijmegen")
            events.append(
                LoggedEvent(
                    seq: Int64(3 + index), kind: CPVDecided.kind.rawValue,
                    body: try CPVDecided(
                        decisionID: Int64(index + 1), request: request, at: at.addingTimeInterval(86_400)
                    )
                    .encoded()))
        }
        try core.monitorSink().apply(events)
        let summaries = try await core.database.timeline(normID: 7).map(\.summary).filter { $0.hasPrefix("CPV") }
        #expect(
            Set(summaries) == [
                "CPV kende een uitzondering op de stop toe, vastgelegd door CPV Nijmegen: onderbouwd beroep",
                "CPV wees een verzoek om uitzondering af, vastgelegd door CPV Nijmegen: basishulp volstaat",
            ])
        #expect(summaries.count == 11)
        #expect(!summaries.contains { $0.contains("3002") })
        let figures = try await core.database.indicators(period: Period(parsing: "2026-Q2")!, gemeente: "0268")
        #expect(figures.cpvToegekend == "6" && figures.cpvAfgewezen == "5")
        let march = try await core.database.indicators(period: Period(parsing: "2026-Q1")!, gemeente: "0268")
        #expect(march.cpvToegekend == "0" && march.cpvAfgewezen == "0")
    }
}
