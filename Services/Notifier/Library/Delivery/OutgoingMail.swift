import Foundation

/// One e-mail as notifier sends it, and its RFC 5322 / MIME rendering.
public struct OutgoingMail: Sendable, Equatable {
    public var from: String
    public var to: [String]
    public var subject: String
    public var textBody: String
    public var htmlBody: String?
    /// Without angle brackets, e.g. `alert-12-firing.3fa2@plafond`. Stable per
    /// notification, so a redelivery after a crash can be recognised by the receiver.
    public var messageID: String
    public var date: Date
    public var headers: [String: String]

    public init(
        from: String, to: [String], subject: String, textBody: String, htmlBody: String?, messageID: String, date: Date,
        headers: [String: String] = [:]
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.messageID = messageID
        self.date = date
        self.headers = headers
    }

    /// The message with CRLF line ends: UTF-8 bodies in base64 (so "€" and "cliënt"
    /// survive any relay), an RFC 2047 subject when it is not plain ASCII.
    public func mimeData() -> Data {
        let boundary = "plafond-" + String(UInt64(bitPattern: Int64(messageID.hashValue)), radix: 36)
        var lines = [
            "From: \(from)",
            "To: \(to.joined(separator: ", "))",
            "Subject: \(Self.encodedHeader(subject))",
            "Date: \(Self.rfc5322(date))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
        ]
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            lines.append("\(name): \(Self.encodedHeader(value))")
        }
        if let htmlBody {
            lines.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
            lines.append("")
            lines.append("--\(boundary)")
            lines += Self.part(type: "text/plain", body: textBody)
            lines.append("--\(boundary)")
            lines += Self.part(type: "text/html", body: htmlBody)
            lines.append("--\(boundary)--")
        } else {
            lines += Self.part(type: "text/plain", body: textBody)
        }
        return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func part(type: String, body: String) -> [String] {
        let encoded = Data(body.utf8).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        return ["Content-Type: \(type); charset=UTF-8", "Content-Transfer-Encoding: base64", "", encoded]
    }

    static func encodedHeader(_ value: String) -> String {
        if value.utf8.allSatisfy({ $0 >= 32 && $0 < 127 }) { return value }
        return "=?UTF-8?B?\(Data(value.utf8).base64EncodedString())?="
    }

    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
