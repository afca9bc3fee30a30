import Contracts
import Domain
import Fixtures
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Notifier's promises with the real executables, a real SMTP server and a real webhook
/// receiver: outages, a kill in the middle of a delivery, and the people in the loop.
@Suite(.serialized)
struct NotifierDeliveryTests {
    let month = Day.today().month.previous

    func addNorm(_ system: RunningSystem) throws {
        let added = try system.runCLI([
            "norm", "add", "--naam", "Begeleiding jeugd Zorgaanbieder A", "--soort", "bestedingsruimte",
            "--gemeente", "0268", "--aanbieder", "12345678", "--categorie", "45", "--periode", "\(month.year)",
            "--grens", "€ 1.000,00",
        ])
        #expect(added.status == 0, "norm add failed: \(added.output)")
    }

    /// One approved declaration of `cents` for the provider (a unique reference each time).
    func declare(_ system: RunningSystem, _ n: Int, cents: Int64) throws {
        let declaration = JW323Fixture(
            identificatie: "NOTIFY-\(n)", dagtekening: Day.today(), declaratieNummer: "DN-NOTIFY-\(n)",
            periode: month,
            clients: [
                (
                    "999900006",
                    [
                        .init(
                            referentie: "RN-NOTIFY-\(n)", toewijzing: String(9_000 + n), month: month, volume: 1,
                            tariefCents: cents)
                    ]
                )
            ])
        let answer = try system.submit(declaration.data)
        #expect(answer.contains(">8001<"), "declaration \(n) not approved: \(answer)")
    }

    func auditLog(_ system: RunningSystem) throws -> [AlertAudit] {
        let log = try system.runCLI(["notify", "log", "--json"])
        guard log.status == 0 else { throw E2EError("notify log failed: \(log.output)") }
        return try AdminCoding.decode([AlertAudit].self, from: Data(log.output.utf8))
    }

    func messageIDs(_ mails: [String]) -> [String] {
        mails.compactMap { mail in
            mail.components(separatedBy: "\r\n").first { $0.hasPrefix("Message-ID: ") }.map { String($0.dropFirst(12)) }
        }
    }

    @Test func smtpDownForAWhileThenUpDeliversEveryNotificationExactlyOnce() async throws {
        let system = try RunningSystem(notifierSettings: "retry_base = \"1s\"\ngroup_interval = \"1s\"")
        defer { system.shutDown() }
        try system.startAll()
        try addNorm(system)
        // 75%, 95% and 105% of the limit: three thresholds, three alerts.
        try declare(system, 1, cents: 75_000)
        try declare(system, 2, cents: 20_000)
        try declare(system, 3, cents: 10_000)
        // Every notification is tried and refused while the server is down.
        #expect(
            await system.eventually(timeout: 30) {
                let log = try auditLog(system)
                let told = log.flatMap(\.notifications)
                return log.count == 3 && !told.isEmpty && told.allSatisfy { $0.state == "pending" && $0.attempts >= 1 }
            }, "notifier log:\n\(system.log("notifier"))")
        #expect(system.mails().isEmpty)

        try system.startSMTP()
        #expect(
            await system.eventually(timeout: 60) {
                try auditLog(system).flatMap(\.notifications).allSatisfy { $0.state == "sent" }
            }, "notifier log:\n\(system.log("notifier"))")
        let told = try auditLog(system).flatMap(\.notifications)
        #expect(Set(told.map(\.event)) == ["firing"])
        #expect(Set(try auditLog(system).map(\.threshold)) == [70, 90, 100])
        // Every message arrived once: one mail per stored Message-ID, none twice.
        try await Task.sleep(for: .seconds(2))
        let ids = messageIDs(system.mails())
        #expect(ids.count == Set(ids).count, "a notification arrived twice: \(ids)")
        #expect(Set(ids) == Set(told.compactMap(\.messageID).map { "<\($0)>" }))
    }

    @Test func notifierKilledDuringDeliveryDeliversWithTheSameMessageID() async throws {
        let system = try RunningSystem(notifierSettings: "retry_base = \"1s\"")
        defer { system.shutDown() }
        try system.startSMTP(extraArguments: ["--delay-first", "3"])
        try system.startAll()
        try addNorm(system)
        try declare(system, 1, cents: 75_000)
        // The SMTP server is in the middle of the DATA phase of the first mail: kill notifier now.
        let started = system.mailFolder.appendingPathComponent("data-started")
        #expect(await system.eventually(timeout: 30) { FileManager.default.fileExists(atPath: started.path) })
        #expect(system.stop("notifier", signal: SIGKILL) != nil)
        try system.start("notifier")
        #expect(
            await system.eventually(timeout: 60) {
                let told = try auditLog(system).flatMap(\.notifications)
                return !told.isEmpty && told.allSatisfy { $0.state == "sent" }
            }, "notifier log:\n\(system.log("notifier"))")
        try await Task.sleep(for: .seconds(4))  // let the held first message finish, if it will
        let ids = messageIDs(system.mails())
        #expect(!ids.isEmpty)
        #expect(Set(ids).count == 1, "redelivery must carry the same Message-ID: \(ids)")
        let stored = try auditLog(system).flatMap(\.notifications).compactMap(\.messageID)
        #expect(ids.allSatisfy { $0 == "<\(stored[0])>" })
    }

    @Test func subscriptionsWebhooksAcknowledgementAndTheAuditThroughTheCLI() async throws {
        let hook = try WebhookSink(failFirst: 1)
        let system = try RunningSystem(notifierSettings: "retry_base = \"1s\"")
        defer { system.shutDown() }
        try system.startSMTP()
        try system.startAll()
        let subscribed = try system.runCLI([
            "subscribe", "--naam", "Zaaksysteem Nijmegen", "--webhook", hook.url, "--gemeente", "0268",
        ])
        #expect(subscribed.status == 0, "\(subscribed.output)")
        let file = system.folder.appendingPathComponent("abonnementen.toml")
        try """
        [[abonnement]]
        naam = "Beleidsadviseur Jeugd"
        email = "beleid@nijmegen.example"
        instrument = "bestedingsruimte"
        ernst = "hoog"

        [[abonnement]]
        naam = "Contractmanager Amsterdam"
        email = "cm@amsterdam.example"
        gemeente = "0363"
        """.write(to: file, atomically: true, encoding: .utf8)
        let imported = try system.runCLI(["subscribe", "--import", file.path])
        #expect(imported.status == 0, "\(imported.output)")
        #expect(imported.output.contains("2 abonnementen ingelezen"))
        let listed = try system.runCLI(["subscriptions"])
        #expect(listed.output.contains("Zaaksysteem Nijmegen") && listed.output.contains("ernst ≥ hoog"))

        try addNorm(system)
        try declare(system, 1, cents: 75_000)
        #expect(
            await system.eventually(timeout: 30) { hook.requests().map(\.status) == [500, 200] },
            "webhook requests: \(hook.requests().map(\.status)); notifier log:\n\(system.log("notifier"))")
        let requests = hook.requests()
        #expect(requests[0].idempotencyKey == requests[1].idempotencyKey)
        #expect(!requests[1].body.contains("999900006"))
        #expect(await system.eventually { system.mails().count == 1 })
        #expect(system.mails()[0].contains("X-Envelope-To: contractmanager@nijmegen.example"))

        let alertID = try #require(try auditLog(system).first?.alertID)
        let ack = try system.runCLI([
            "alert", "ack", "\(alertID)", "--door", "J. de Vries", "--notitie", "analysegesprek gepland 3 maart",
        ])
        #expect(ack.status == 0, "\(ack.output)")
        let again = try system.runCLI(["alert", "ack", "\(alertID)", "--door", "P. Jansen"])
        #expect(again.status != 0 && again.output.contains("al bevestigd door J. de Vries"))
        let audit = try #require(try auditLog(system).first)
        #expect(audit.acknowledgedBy == "J. de Vries")
        #expect(audit.acknowledgedNote == "analysegesprek gepland 3 maart")
        #expect(Set(audit.notifications.map { "\($0.channel):\($0.state)" }) == ["email:sent", "webhook:sent"])
        let readable = try system.runCLI(["notify", "log"])
        #expect(readable.output.contains("bevestigd door J. de Vries"))
        #expect(readable.output.contains("webhook\tZaaksysteem Nijmegen"))
        #expect(!system.log("notifier").contains("999900006"))
    }
}
