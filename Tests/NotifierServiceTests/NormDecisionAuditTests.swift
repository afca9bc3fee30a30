import Contracts
import Foundation
import Messaging
import Testing

@testable import NotifierService

/// Notifier's audit holds what people decided about a norm (stops imposed and lifted, by
/// whom and why) beside who was told about its alerts: heard on monitor's log, once.
@Suite struct NormDecisionAuditTests {
    @Test func stopsImposedAndLiftedAreInTheAuditWithThePersonOnce() throws {
        let notifier = try NotifierHarness()
        let at = notifier.clock.read()
        let imposed = StopImposed(
            stopID: 1, normID: 3, aanbieder: "12345678", by: "J. de Vries", reason: "analyse", at: at)
        let lifted = StopLifted(
            stopID: 1, normID: 3, by: "A. Bakker", reason: "plan werkt", at: at.addingTimeInterval(60))
        let events = [
            LoggedEvent(seq: notifier.nextSeq(), kind: StopImposed.kind.rawValue, body: try imposed.encoded()),
            LoggedEvent(seq: notifier.nextSeq(), kind: StopLifted.kind.rawValue, body: try lifted.encoded()),
        ]
        try notifier.consumer.apply(events)
        try notifier.consumer.apply(events)  // a replay records nothing twice
        let reply = try notifier.admin(NormDecisionsRequest(normID: 3), as: [NormDecisionAudit].self)
        let decisions = try #require(reply.result)
        #expect(decisions.map(\.kind) == ["stop.imposed", "stop.lifted"])
        #expect(decisions.map(\.by) == ["J. de Vries", "A. Bakker"])
        #expect(decisions.map(\.reason) == ["analyse", "plan werkt"])
        #expect(try notifier.admin(NormDecisionsRequest(normID: 4), as: [NormDecisionAudit].self).result == [])
    }
}
