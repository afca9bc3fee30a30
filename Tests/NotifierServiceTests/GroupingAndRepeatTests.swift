import Contracts
import Domain
import Foundation
import GRDB
import Runtime
import Testing

@testable import NotifierService

/// Grouping, repetition and resolution, driven by the hand-moved clock.
@Suite(.serialized) struct GroupingAndRepeatTests {
    @Test func alertsArrivingWithinGroupWaitGoOutAsOneMessage() async throws {
        let notifier = try NotifierHarness { $0.groupWait = .init(seconds: 30) }
        try notifier.fire(1, threshold: 70)
        notifier.clock.advance(10)
        try notifier.fire(2, threshold: 90, value: 91_000)
        #expect(try await notifier.tick() == 0)
        notifier.clock.advance(19)
        #expect(try await notifier.tick() == 0)  // 29 s after the first alert
        notifier.clock.advance(2)
        #expect(try await notifier.tick() == 1)
        let mails = notifier.mails()
        #expect(mails.count == 1)
        #expect(mails[0].subject == "2 meldingen, 91,00% gebruikt — Begeleiding jeugd")
        #expect(mails[0].text.contains("Er zijn 2 meldingen over Begeleiding jeugd."))
        #expect(mails[0].text.contains("de drempel van 70% is bereikt"))
        #expect(mails[0].text.contains("de drempel van 90% is bereikt"))
    }

    @Test func aMailSaysAMachineSentItAndWhoItIsFrom() async throws {
        let notifier = try NotifierHarness { $0.groupWait = .init(seconds: 0) }
        try notifier.fire(1, threshold: 70)
        #expect(try await notifier.tick() == 1)
        let message = try #require(notifier.sink.messages().first)
        let headers = message.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(headers.contains("Auto-Submitted: auto-generated"))
        #expect(headers.contains { $0.hasPrefix("From: Plafond jeugdhulp <") && $0.hasSuffix(">") })
        #expect(NotificationSender.displayed("Team Jeugd <jeugd@x.example>") == "Team Jeugd <jeugd@x.example>")
    }

    @Test func aMailNamesTheProviderFromTheRegisterAndTheCareType() async throws {
        let notifier = try NotifierHarness { $0.groupWait = .init(seconds: 0) }
        try notifier.fire(1, threshold: 70, providerName: "De Linde")
        #expect(try await notifier.tick() == 1)
        let mail = try #require(notifier.mails().first)
        #expect(mail.subject.hasSuffix("— Begeleiding jeugd, De Linde"))
        #expect(mail.text.contains("De Linde (AGB "))
        let categories = NotifierHarness.norm.scope.productCategorieen
        if let code = categories.first, let name = ProductCategorie(code)?.name {
            #expect(mail.text.contains("Zorgsoort:   \(code) \(name)"))
        } else {
            Issue.record("the harness's norm has no named care type")
        }
        #expect(mail.text.contains("/normen/\(NotifierHarness.norm.id)#melding-1"))
    }

    @Test func aNewAlertInANotifiedGroupWaitsForTheGroupInterval() async throws {
        let notifier = try NotifierHarness { $0.groupInterval = .init(seconds: 300) }
        try notifier.fire(1, threshold: 70)
        #expect(try await notifier.tick() == 1)  // group_wait 0: at once
        notifier.clock.advance(60)
        try notifier.fire(2, threshold: 90, value: 91_000)
        #expect(try await notifier.tick() == 0)
        notifier.clock.advance(239)
        #expect(try await notifier.tick() == 0)  // 299 s after the first message
        notifier.clock.advance(2)
        #expect(try await notifier.tick() == 1)
        #expect(notifier.mails().map(\.subject).last == "Drempel 90% bereikt: 91,00% gebruikt — Begeleiding jeugd")
    }

    @Test func anUnacknowledgedAlertIsRepeatedWeeklyUntilAcknowledged() async throws {
        let notifier = try NotifierHarness()
        try notifier.fire(1)
        try await notifier.tick()
        notifier.clock.advance(7 * 86_400 - 1)
        #expect(try await notifier.tick() == 0)
        notifier.clock.advance(2)
        #expect(try await notifier.tick() == 1)
        let mails = notifier.mails()
        #expect(mails.count == 2)
        #expect(mails[1].subject.hasPrefix("Herinnering: "))
        #expect(mails[1].messageID != mails[0].messageID)
        let ack = try notifier.admin(
            AlertAckRequest(alertID: 1, by: "J. de Vries", note: "gesprek 3 maart"), as: AlertAcknowledged.self)
        #expect(ack.ok)
        notifier.clock.advance(30 * 86_400)
        #expect(try await notifier.tick() == 0)
        #expect(notifier.mails().count == 2)
    }

    @Test func aResolvedAlertIsToldToEveryoneWhoHeardItFire() async throws {
        let notifier = try NotifierHarness()
        try notifier.fire(1)
        try await notifier.tick()
        notifier.clock.advance(3_600)
        try notifier.resolve(1)
        try notifier.resolve(1)  // a replay owes nothing new
        #expect(try await notifier.tick() == 1)
        let mails = notifier.mails()
        #expect(mails.count == 2)
        #expect(mails[1].subject.hasPrefix("Opgelost: "))
        #expect(mails[1].text.contains("weer onder de drempel van 70%"))
        notifier.clock.advance(8 * 86_400)
        #expect(try await notifier.tick() == 0)  // resolved alerts are not repeated
    }

    @Test func resolvedNotificationsCanBeSwitchedOff() async throws {
        let notifier = try NotifierHarness { $0.sendResolved = false }
        try notifier.fire(1)
        try await notifier.tick()
        notifier.clock.advance(3_600)
        try notifier.resolve(1)
        #expect(try await notifier.tick() == 0)
        #expect(notifier.mails().count == 1)
    }

    @Test func lowSeverityAlertsOfADigestSubscriptionGoOutTogetherAtTheDigestHour() async throws {
        let notifier = try NotifierHarness {
            $0.recipients = []
            $0.digestHour = 8
        }
        let subscription = Subscription(name: "Beleid", email: "beleid@nijmegen.example", dailyDigest: true)
        #expect(try notifier.admin(SubscriptionAddRequest(subscription), as: Subscription.self).ok)
        var other = NotifierHarness.norm
        other.id = 4
        other.name = "Dagbehandeling"
        try notifier.fire(1, threshold: 70)  // laag: waits for the digest
        try notifier.fire(2, threshold: 70, norm: other)
        try notifier.fire(3, threshold: 90, value: 91_000)  // middel: at once
        #expect(try await notifier.tick() == 1)
        #expect(notifier.mails().map(\.subject) == ["Drempel 90% bereikt: 91,00% gebruikt — Begeleiding jeugd"])
        // The test clock starts at 10:00 in Amsterdam; the digest goes at 08:00 the next day.
        notifier.clock.advance(22 * 3_600 - 1)
        #expect(try await notifier.tick() == 0)
        notifier.clock.advance(1)
        #expect(try await notifier.tick() == 1)
        let digest = try #require(notifier.mails().last)
        #expect(digest.subject == "Dagoverzicht Plafond: 2 meldingen")
        #expect(digest.text.contains("Dagbehandeling") && digest.text.contains("Begeleiding jeugd"))
    }
}
