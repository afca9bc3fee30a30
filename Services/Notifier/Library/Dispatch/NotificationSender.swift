import Contracts
import Foundation
import Runtime

/// Puts one message on the wire through its channel: SMTP with the Dutch templates, or
/// a webhook POST with the documented JSON body. Blocking (libcurl); the worker calls it
/// off the cooperative pool.
struct NotificationSender: Sendable {
    let settings: NotifierConfiguration
    let mailer: SMTPMailer
    let webhooks: WebhookSender
    let renderer: AlertMailRenderer

    init(settings: NotifierConfiguration) throws {
        self.settings = settings
        let timeout = max(1, Int(settings.deliveryTimeout.seconds))
        mailer = SMTPMailer(
            settings: SMTPSettings(
                url: settings.smtpURL, username: settings.smtpUsername, password: settings.smtpPassword,
                startTLS: .whenOffered, timeoutSeconds: timeout, heloDomain: nil))
        webhooks = WebhookSender(timeoutSeconds: timeout, retryStatuses: Set(settings.webhookRetryStatuses))
        renderer = try AlertMailRenderer()
    }

    func send(_ notification: PendingNotification, now: Date) -> Result<Void, DeliveryError> {
        do {
            switch notification.channel {
            case "webhook":
                let body = try AdminCoding.encode(WebhookPayload(notification, dashboardURL: settings.dashboardURL))
                try webhooks.post(url: notification.address, body: body, idempotencyKey: notification.messageID)
            default:
                try mailer.send(try compose(notification, now: now))
            }
            return .success(())
        } catch let error as DeliveryError {
            return .failure(error)
        } catch {
            return .failure(DeliveryError(kind: .permanent, message: "cannot render: \(error)", code: nil))
        }
    }

    func compose(_ notification: PendingNotification, now: Date) throws -> OutgoingMail {
        let contents = AlertMailContentBuilder.contents(for: notification, dashboardURL: settings.dashboardURL)
        let rendered = try renderer.render(contents, digest: notification.kind == "digest")
        return OutgoingMail(
            from: Self.displayed(settings.from), to: [notification.address], subject: rendered.subject,
            textBody: rendered.text, htmlBody: rendered.html, messageID: notification.messageID, date: now,
            headers: [
                // Which alerts the message covers, for mail filters and for checking delivery.
                "X-Plafond-Meldingen": contents.map(\.alertID).joined(separator: ", "),
                // A machine wrote it: no out-of-office replies back to it (RFC 3834).
                "Auto-Submitted": "auto-generated",
                "X-Auto-Response-Suppress": "All",
            ])
    }

    /// `from` with a display name, so an inbox shows "Plafond" rather than an address;
    /// an address that already has one (`Name <address>`) is kept as configured.
    static func displayed(_ from: String) -> String {
        from.contains("<") ? from : "Plafond jeugdhulp <\(from)>"
    }
}
