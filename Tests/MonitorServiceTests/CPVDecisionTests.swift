import Contracts
import Domain
import Foundation
import Logging
import Messaging
import Testing

@testable import MonitorService

/// The CPV's decisions on record: a granted one lets the client in during the stop, a
/// refused one does not, and both are published for the timeline and the report.
@Suite struct CPVDecisionTests {
    let stops = StopTests()

    @Test func aGrantedDecisionExemptsTheAllocationARefusedOneIsOnlyRecorded() throws {
        let core = try stops.core()
        _ = try stops.base.addNorm(core)
        _ = try core.imposeStop(StopImposeRequest(normID: 1, by: "J. de Vries", reason: "analysegesprek"))
        let granted = try core.decideCPV(
            CPVDecisionRequest(
                toewijzingNummer: "77", normID: 1, granted: true, reason: "onderbouwd beroep huisarts", by: "CPV"))
        let refused = try core.decideCPV(
            CPVDecisionRequest(
                toewijzingNummer: "78", normID: 1, granted: false, reason: "basishulp volstaat", by: "CPV"))
        #expect(granted.granted && !refused.granted && refused.decisionID == granted.decisionID + 1)
        try core.intakeSink(afterCommit: {}).apply([
            try stops.started(1, client: "p-granted", toewijzing: "77"),
            try stops.started(2, client: "p-refused", toewijzing: "78"),
        ])
        let flagged = try stops.base.outbox(core).filter { $0.kind == "inflow.during.stop" }.map {
            try InflowDuringStop.decoded(from: $0.body).client
        }
        #expect(flagged == ["p-refused"])
        let decided = try stops.base.outbox(core).filter { $0.kind == "cpv.decided" }.map {
            try CPVDecided.decoded(from: $0.body)
        }
        #expect(decided.map(\.granted) == [true, false])
        #expect(decided.last?.reason == "basishulp volstaat")
    }

    @Test func aDecisionNeedsItsReasonAndAnExistingNorm() throws {
        let core = try stops.core()
        #expect(throws: MonitorError.self) {
            try core.decideCPV(
                CPVDecisionRequest(toewijzingNummer: "77", normID: nil, granted: false, reason: " ", by: "CPV"))
        }
        #expect(throws: MonitorError.self) {
            try core.decideCPV(
                CPVDecisionRequest(toewijzingNummer: "77", normID: 9, granted: true, reason: "x", by: "CPV"))
        }
    }
}
