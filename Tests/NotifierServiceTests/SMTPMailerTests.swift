import Foundation
import Testing

@testable import NotifierService

@Suite(.serialized) struct SMTPMailerTests {
    func mail(id: String = "alert-1-firing.abc@plafond") -> OutgoingMail {
        OutgoingMail(
            from: "Plafond <plafond@nijmegen.example>", to: ["contractmanager@nijmegen.example"],
            subject: "Bestedingsruimte: 72,50% gebruikt — cliënt", textBody: "Besteed € 72.500,00 van € 100.000,00",
            htmlBody: "<p>Besteed € 72.500,00</p>", messageID: id, date: Date(timeIntervalSince1970: 1_795_392_000))
    }

    @Test func aMailArrivesWithItsHeadersAndDutchText() throws {
        let sink = try SMTPSink()
        try SMTPMailer(settings: SMTPSettings(url: sink.url)).send(mail())
        let received = try #require(sink.messages().first)
        #expect(received.contains("Message-ID: <alert-1-firing.abc@plafond>"))
        #expect(received.contains("X-Envelope-To: contractmanager@nijmegen.example"))
        #expect(received.contains("Subject: =?UTF-8?B?"))
        #expect(received.contains("Date: Mon, 23 Nov 2026 00:00:00 +0000"))
        let parts = MIMEText.decodedParts(received)
        #expect(parts.count == 2)
        #expect(parts.first == "Besteed € 72.500,00 van € 100.000,00")
        #expect(parts.last == "<p>Besteed € 72.500,00</p>")
    }

    @Test func anUnreachableServerIsATemporaryFailure() throws {
        let mailer = SMTPMailer(settings: SMTPSettings(url: "smtp://127.0.0.1:9", timeoutSeconds: 5))
        #expect(throws: DeliveryError.self) { try mailer.send(mail()) }
        do {
            try mailer.send(mail())
        } catch {
            #expect(error.kind == .temporary)
        }
    }

    @Test func a451IsTemporaryAndTheNextTrySucceeds() throws {
        let sink = try SMTPSink(failFirst: 1)
        let mailer = SMTPMailer(settings: SMTPSettings(url: sink.url))
        do {
            try mailer.send(mail())
            Issue.record("the first delivery should have been refused")
        } catch {
            #expect(error.kind == .temporary)
        }
        try mailer.send(mail())
        #expect(sink.messages().count == 1)
    }

    @Test func mailsToTheSameServerShareOneConnection() throws {
        let sink = try SMTPSink()
        let mailer = SMTPMailer(settings: SMTPSettings(url: sink.url))
        for n in 1...3 { try mailer.send(mail(id: "alert-\(n)-firing.abc@plafond")) }
        let peers = sink.peers()
        #expect(peers.count == 3)
        #expect(Set(peers).count == 1, "\(peers)")
    }

    @Test func aKeptConnectionTheServerDroppedIsReplacedWithoutLosingTheMail() throws {
        let first = try SMTPSink()
        let mailer = SMTPMailer(settings: SMTPSettings(url: first.url))
        try mailer.send(mail(id: "alert-1-firing.abc@plafond"))
        first.stop()
        let second = try SMTPSink(port: first.port)
        try mailer.send(mail(id: "alert-2-firing.abc@plafond"))
        let received = second.messages()
        #expect(received.count == 1)
        #expect(received.first?.contains("Message-ID: <alert-2-firing.abc@plafond>") == true)
    }
}
