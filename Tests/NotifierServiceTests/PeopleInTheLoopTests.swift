import Contracts
import Domain
import Foundation
import GRDB
import Runtime
import Testing

@testable import NotifierService

/// Acknowledgement, silence and escalation, driven by the hand-moved clock.
@Suite(.serialized) struct PeopleInTheLoopTests {
    func escalating(_ settings: inout NotifierConfiguration) {
        settings.escalateTo = .init(name: "Beleidsadviseur Jeugd", email: "beleid@nijmegen.example")
    }

    @Test func anAlertNobodyAcknowledgesEscalatesOnceAfterFourteenDays() async throws {
        let notifier = try NotifierHarness(configure: escalating)
        try notifier.fire(1)
        try await notifier.tick()
        notifier.clock.advance(14 * 86_400 - 1)
        try await notifier.tick()  // the weekly repeat, no escalation yet
        #expect(!notifier.mails().contains { $0.to == "beleid@nijmegen.example" })
        notifier.clock.advance(2)
        #expect(try await notifier.tick() == 1)
        let escalation = try #require(notifier.mails().last)
        #expect(escalation.to == "beleid@nijmegen.example")
        #expect(escalation.subject.hasPrefix("Escalatie: "))
        #expect(escalation.text.hasPrefix("Beste beleidsadviseur,"))
        #expect(escalation.text.contains("Niemand heeft de melding"))
        notifier.clock.advance(14 * 86_400)
        try await notifier.tick()
        #expect(notifier.mails().filter { $0.to == "beleid@nijmegen.example" }.count == 1)
        #expect(try await notifier.outboxKinds().filter { $0 == "alert.escalated" }.count == 1)
    }

    @Test func theRoutesOwnEscalationTargetIsUsed() async throws {
        let notifier = try NotifierHarness(configure: escalating)
        let route = Subscription(
            name: "CM Nijmegen", email: "cm.0268@nijmegen.example", gemeente: "0268",
            escalateTo: "teamleider@nijmegen.example")
        #expect(try notifier.admin(SubscriptionAddRequest(route), as: Subscription.self).ok)
        try notifier.fire(1)
        notifier.clock.advance(15 * 86_400)
        try await notifier.tick()
        let escalated = Set(notifier.mails().filter { $0.subject.hasPrefix("Escalatie: ") }.map(\.to))
        #expect(escalated == ["teamleider@nijmegen.example"])
    }

    @Test func anAcknowledgedAlertNeitherRepeatsNorEscalates() async throws {
        let notifier = try NotifierHarness(configure: escalating)
        try notifier.fire(1)
        try await notifier.tick()
        notifier.clock.advance(86_400)
        let reply = try notifier.admin(
            AlertAckRequest(alertID: 1, by: "J. de Vries", note: "analysegesprek gepland 3 maart"),
            as: AlertAcknowledged.self)
        #expect(reply.result?.by == "J. de Vries")
        notifier.clock.advance(30 * 86_400)
        #expect(try await notifier.tick() == 0)
        #expect(notifier.mails().count == 1)
        #expect(try await notifier.outboxKinds().contains("alert.acknowledged"))
        let again = try notifier.admin(
            AlertAckRequest(alertID: 1, by: "P. Jansen", note: ""), as: AlertAcknowledged.self)
        #expect(again.ok == false)
        #expect(again.error?.contains("al bevestigd door J. de Vries") == true)
        let unknown = try notifier.admin(
            AlertAckRequest(alertID: 99, by: "P. Jansen", note: ""), as: AlertAcknowledged.self)
        #expect(unknown.error == "melding 99 is onbekend")
    }

    @Test func aSilencedAlertSendsNothingUntilTheSilenceEnds() async throws {
        let notifier = try NotifierHarness { $0.groupWait = .init(seconds: 30) }
        try notifier.fire(1)
        let until = try #require(Day(year: 2026, month: 11, day: 26))
        let reply = try notifier.admin(
            AlertSilenceRequest(alertID: 1, normID: nil, until: until, by: "J. de Vries", reason: "bekend, in gesprek"),
            as: AlertSilenced.self)
        #expect(reply.ok)
        notifier.clock.advance(60)
        #expect(try await notifier.tick() == 0)
        let log = try #require(try notifier.admin(NotifyLogRequest(alertID: 1), as: [AlertAudit].self).result)
        #expect(log[0].notifications.map(\.state) == ["onderdrukt (stilte)"])
        #expect(log[0].silencedBy == "J. de Vries: bekend, in gesprek")
        // Still firing after the silence: the weekly repeat goes out again.
        notifier.clock.advance(7 * 86_400)
        #expect(try await notifier.tick() == 0)  // a new group waits group_wait, as any first message
        notifier.clock.advance(30)
        #expect(try await notifier.tick() == 1)
        #expect(notifier.mails().map { String($0.subject.prefix(13)) } == ["Herinnering: "])
    }

    @Test func aSilenceMustEndInTheFutureAndNameItsAlerts() async throws {
        let notifier = try NotifierHarness()
        try notifier.fire(1)
        let past = try #require(Day(year: 2026, month: 1, day: 1))
        let reply = try notifier.admin(
            AlertSilenceRequest(alertID: 1, normID: nil, until: past, by: "J", reason: ""), as: AlertSilenced.self)
        #expect(reply.error == "--tot 2026-01-01 ligt niet in de toekomst")
        let future = try #require(Day(year: 2027, month: 1, day: 1))
        let byNorm = try notifier.admin(
            AlertSilenceRequest(alertID: nil, normID: 3, until: future, by: "J", reason: "jaarwissel"),
            as: AlertSilenced.self)
        #expect(byNorm.result?.alertIDs == [1])
    }

    @Test func theNotifyLogShowsWhoWasToldWhatAndWhoAcknowledged() async throws {
        let notifier = try NotifierHarness()
        try notifier.fire(1)
        try await notifier.tick()
        _ = try notifier.admin(
            AlertAckRequest(alertID: 1, by: "J. de Vries", note: "gepland"), as: AlertAcknowledged.self)
        let log = try #require(try notifier.admin(NotifyLogRequest(alertID: nil), as: [AlertAudit].self).result)
        #expect(log.count == 1)
        #expect(log[0].acknowledgedBy == "J. de Vries")
        #expect(log[0].acknowledgedNote == "gepland")
        #expect(log[0].severity == .laag)
        let told = try #require(log[0].notifications.first)
        #expect(told.event == "firing" && told.channel == "email" && told.state == "sent")
        #expect(told.address == "cm@nijmegen.example" && told.attempts == 1 && told.sentAt != nil)
        #expect(
            told.messageID == notifier.mails()[0].messageID.trimmingCharacters(in: CharacterSet(charactersIn: "<>")))
    }
}
