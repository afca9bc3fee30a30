import Domain
import Fixtures
import Foundation
import Messaging
import Testing

/// Issue 2's spine with real processes: a JW323 answered 8001 after commit, counted by
/// monitor, a 70% alert e-mailed through a real SMTP server, the figures on the API.
@Suite(.serialized)
struct ThinPathTests {
    @Test func declarationFlowsFromIntakeToMailAndDashboard() async throws {
        let system = try RunningSystem()
        defer { system.shutDown() }
        try system.startSMTP()
        try system.startAll()
        #expect(await system.eventually { try await system.httpGet("/api/norms").status == 200 })

        // A bestedingsruimte of € 1.000,00 for the provider at Nijmegen, current year.
        let lastMonth = Day.today().month.previous
        let added = try system.runCLI([
            "norm", "add", "--naam", "Begeleiding jeugd Zorgaanbieder A", "--soort", "bestedingsruimte",
            "--gemeente", "0268", "--aanbieder", "12345678", "--categorie", "45",
            "--periode", "\(lastMonth.year)", "--grens", "€ 1.000,00",
        ])
        #expect(added.status == 0, "norm add failed: \(added.output)")

        // One valid line of € 750,00 (75% of the limit): crosses 70%.
        let declaration = JW323Fixture(
            identificatie: "E2E-1", dagtekening: Day.today(), declaratieNummer: "DN-E2E-1", periode: lastMonth,
            clients: [("999900006", [.init(referentie: "RN-E2E-1", month: lastMonth, volume: 10, tariefCents: 7500)])])
        let answer = try submit(declaration.data, to: "tcp://127.0.0.1:\(system.ports.intake)")
        let answerText = String(decoding: answer, as: UTF8.self)
        #expect(answerText.contains("JW325") || answerText.contains("jw325"))
        #expect(answerText.contains("<jw325:RetourCode>8001</jw325:RetourCode>") || answerText.contains(">8001<"))

        // The alert reaches the contract manager's mailbox through the real SMTP server.
        #expect(
            await system.eventually(timeout: 30) { !system.mails().isEmpty },
            "no mail; notifier log:\n\(system.log("notifier"))")
        let mail = try #require(system.mails().first)
        #expect(mail.contains("contractmanager@nijmegen.example"))
        #expect(mail.contains("Message-ID: <plafond-"))
        #expect(!mail.contains("999900006"), "a BSN must never reach an e-mail")

        // Monitor lists the alert for scripts.
        let listed = try system.runCLI(["alert", "list", "--json", "--status", "firing"])
        #expect(listed.status == 0, "\(listed.output)")
        let alerts = try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]] ?? []
        #expect(alerts.map { $0["threshold"] as? Int } == [70])

        // The reporter shows the spend and the percentage.
        var figures: [[String: Any]] = []
        let shown = await system.eventually {
            let body = try await system.httpGet("/api/norms").body
            figures = try JSONSerialization.jsonObject(with: body) as? [[String: Any]] ?? []
            return (figures.first?["spent"] as? Int) == 75_000
        }
        #expect(shown, "reporter figures: \(figures); log:\n\(system.log("reporter"))")
        #expect(figures.first?["percentage"] as? Double == 75)
        #expect(figures.first?["firingThresholds"] as? [Int] == [70])

        // SIGTERM stops every service cleanly.
        for service in ["reporter", "notifier", "monitor", "intake"] {
            #expect(system.stop(service) == 0, "\(service) did not stop cleanly:\n\(system.log(service))")
        }
        for service in ["intake", "monitor", "notifier", "reporter"] {
            #expect(!system.log(service).contains("999900006"), "\(service) logged a BSN")
        }
    }

    private func submit(_ document: Data, to endpoint: String) throws -> Data {
        let context = ZMQContext()
        defer { context.terminate() }
        let socket = try ZMQSocket(context, .req)
        defer { socket.close() }
        try socket.setReceiveTimeout(15_000)
        try socket.connect(endpoint)
        _ = try socket.send([document])
        let reply = try #require(try socket.receive(), "no answer from intake")
        return try #require(reply.parts.last)
    }
}
