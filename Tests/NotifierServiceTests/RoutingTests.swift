import Contracts
import Domain
import Fixtures
import Foundation
import GRDB
import Runtime
import Testing

@testable import NotifierService

/// Who receives what: subscriptions, their filters, and the webhook channel.
@Suite(.serialized) struct RoutingTests {
    @Test func subscriptionsReceiveWhatTheirRuleMatches() async throws {
        let notifier = try NotifierHarness()
        let rules = [
            Subscription(name: "CM Nijmegen", email: "a@nijmegen.example", gemeente: "0268"),
            Subscription(name: "CM Amsterdam", email: "b@amsterdam.example", gemeente: "0363"),
            Subscription(name: "Directeur", email: "c@nijmegen.example", aanbieder: "12345678", minimumSeverity: .hoog),
            Subscription(name: "Prognoses", email: "d@nijmegen.example", alertKind: .forecast),
        ]
        let imported = try notifier.admin(SubscriptionImportRequest(rules), as: [Subscription].self)
        #expect(imported.result?.compactMap(\.id) == [1, 2, 3, 4])
        try notifier.fire(1, threshold: 70)
        try await notifier.tick()
        #expect(Set(notifier.mails().map(\.to)) == ["cm@nijmegen.example", "a@nijmegen.example"])
        notifier.clock.advance(600)
        try notifier.fire(2, threshold: 100, value: 101_000)
        try await notifier.tick()
        #expect(notifier.mails().filter { $0.to == "c@nijmegen.example" }.count == 1)
        #expect(!notifier.mails().contains { $0.to == "b@amsterdam.example" || $0.to == "d@nijmegen.example" })
    }

    @Test func aRemovedSubscriptionReceivesNothingMore() async throws {
        let notifier = try NotifierHarness { $0.recipients = [] }
        let stored = try notifier.admin(
            SubscriptionAddRequest(Subscription(name: "CM", email: "a@nijmegen.example")), as: Subscription.self)
        let id = try #require(stored.result?.id)
        #expect(try notifier.admin(SubscriptionRemoveRequest(id: id), as: AdminEmpty.self).ok)
        #expect(try notifier.admin(SubscriptionRemoveRequest(id: id), as: AdminEmpty.self).ok == false)
        #expect(try notifier.admin(SubscriptionListRequest(), as: [Subscription].self).result?.isEmpty == true)
        try notifier.fire(1)
        #expect(try await notifier.tick() == 0)
    }

    @Test func anInvalidSubscriptionIsRefusedAndAnImportIsAllOrNothing() throws {
        let notifier = try NotifierHarness()
        let none = try notifier.admin(
            SubscriptionAddRequest(Subscription(name: "X", email: nil)), as: Subscription.self)
        #expect(none.error == "geef een e-mailadres, een webhook of beide")
        let set = [
            Subscription(name: "Goed", email: "goed@nijmegen.example"),
            Subscription(name: "Fout", email: "geen-adres", gemeente: "268"),
        ]
        let imported = try notifier.admin(SubscriptionImportRequest(set), as: [Subscription].self)
        #expect(
            imported.error
                == "abonnement 2 (Fout): ongeldig e-mailadres geen-adres; gemeentecode 268 is geen CBS-code van 4 cijfers"
        )
        #expect(try notifier.admin(SubscriptionListRequest(), as: [Subscription].self).result?.isEmpty == true)
    }

    @Test func aWebhookAnswering500IsRetriedWithTheSameIdempotencyKey() async throws {
        let hook = try WebhookSink(failFirst: 1)
        let notifier = try NotifierHarness { $0.recipients = [] }
        _ = try notifier.admin(
            SubscriptionAddRequest(Subscription(name: "Zaaksysteem", email: nil, webhook: hook.url)),
            as: Subscription.self)
        try notifier.fire(1)
        #expect(try await notifier.tick() == 1)
        notifier.clock.advance(10)
        #expect(try await notifier.tick() == 1)
        let requests = hook.requests()
        #expect(requests.map(\.status) == [500, 200])
        #expect(requests[0].idempotencyKey == requests[1].idempotencyKey)
        #expect(requests[0].idempotencyKey?.hasPrefix("plafond-") == true)
        #expect(requests[1].contentType == "application/json")
        let payload = try JSONDecoder().decode(WebhookBody.self, from: Data(requests[1].body.utf8))
        #expect(payload.notificatie == requests[1].idempotencyKey)
        #expect(payload.meldingen.map(\.alertID) == [1])
        #expect(payload.meldingen[0].gebeurtenis == "firing" && payload.meldingen[0].waarde == 72_500)
        #expect(payload.meldingen[0].dashboard.hasSuffix("/normen/3"))
        #expect(try await notifier.outboxKinds() == ["notification.sent"])
    }

    @Test func aWebhookAnswering404FailsForGoodAndThatIsReported() async throws {
        let hook = try WebhookSink(failFirst: 10, failStatus: 404)
        let notifier = try NotifierHarness { $0.recipients = [] }
        _ = try notifier.admin(
            SubscriptionAddRequest(Subscription(name: "Zaaksysteem", email: nil, webhook: hook.url)),
            as: Subscription.self)
        try notifier.fire(1)
        try await notifier.tick()
        notifier.clock.advance(3_600)
        #expect(try await notifier.tick() == 0)
        #expect(hook.requests().count == 1)
        #expect(try await notifier.outboxKinds() == ["notification.failed"])
    }

    /// The documented webhook body, read back as a receiver would.
    struct WebhookBody: Decodable {
        var notificatie: String
        var soort: String
        var meldingen: [Melding]
        struct Melding: Decodable {
            var alertID: Int64
            var gebeurtenis: String
            var waarde: Int64
            var dashboard: String
        }
    }
}
