import CCurl
import Foundation

public enum SMTPStartTLS: String, Sendable, Codable, Equatable {
    /// Upgrade with STARTTLS when the server offers it (the default).
    case whenOffered
    /// Refuse to send unless the connection is encrypted.
    case required
    case never
}

public struct SMTPSettings: Sendable, Codable, Equatable {
    /// `smtp://host:port` (STARTTLS per `startTLS`) or `smtps://host:port` (implicit TLS).
    public var url: String
    public var username: String?
    public var password: String?
    public var startTLS: SMTPStartTLS
    public var timeoutSeconds: Int
    public var heloDomain: String?

    public init(
        url: String, username: String? = nil, password: String? = nil, startTLS: SMTPStartTLS = .whenOffered,
        timeoutSeconds: Int = 30, heloDomain: String? = nil
    ) {
        self.url = url
        self.username = username
        self.password = password
        self.startTLS = startTLS
        self.timeoutSeconds = timeoutSeconds
        self.heloDomain = heloDomain
    }
}

/// Sends mail over SMTP with libcurl: STARTTLS when offered, authentication when set.
/// The connection stays open between mails (`CurlHandlePool`): on loopback, connecting,
/// the greeting and EHLO were most of a mail's time.
public struct SMTPMailer: Sendable {
    public let settings: SMTPSettings
    private let connections = CurlHandlePool()

    public init(settings: SMTPSettings) {
        self.settings = settings
    }

    /// A connection the server closed while it was kept is noticed by libcurl before
    /// use and replaced; one that dies mid-mail fails this try, and the worker's retry
    /// schedule sends the mail again.
    public func send(_ mail: OutgoingMail) throws(DeliveryError) {
        let curl = try connections.take()
        var url = settings.url
        if let helo = settings.heloDomain { url += (url.hasSuffix("/") ? "" : "/") + helo }
        curl.set(CURLOPT_URL, url)
        curl.set(CURLOPT_MAIL_FROM, "<\(Self.address(mail.from))>")
        curl.set(CURLOPT_MAIL_RCPT, list: mail.to.map { "<\(Self.address($0))>" })
        curl.set(CURLOPT_UPLOAD, 1)
        curl.set(CURLOPT_CONNECTTIMEOUT, 10)
        curl.set(CURLOPT_TIMEOUT, settings.timeoutSeconds)
        let tls: curl_usessl
        switch settings.startTLS {
        case .whenOffered: tls = CURLUSESSL_TRY
        case .required: tls = CURLUSESSL_ALL
        case .never: tls = CURLUSESSL_NONE
        }
        curl.set(CURLOPT_USE_SSL, Int(tls.rawValue))
        if let username = settings.username { curl.set(CURLOPT_USERNAME, username) }
        if let password = settings.password { curl.set(CURLOPT_PASSWORD, password) }
        curl.upload(mail.mimeData())
        let (result, status) = curl.perform()
        guard result == CURLE_OK else { throw Self.classify(result, status: status) }
        connections.giveBack(curl)
    }

    /// "Naam <a@b>" → "a@b"; a bare address stays as it is.
    static func address(_ text: String) -> String {
        guard let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close else { return text }
        return String(text[text.index(after: open)..<close])
    }

    static func classify(_ result: CURLcode, status: Int) -> DeliveryError {
        let message = "SMTP: \(CurlEasy.describe(result))" + (status > 0 ? " (\(status))" : "")
        if result == CURLE_LOGIN_DENIED { return DeliveryError(kind: .permanent, message: message, code: status) }
        if (500..<600).contains(status) { return DeliveryError(kind: .permanent, message: message, code: status) }
        return DeliveryError(kind: .temporary, message: message, code: status > 0 ? status : nil)
    }
}
