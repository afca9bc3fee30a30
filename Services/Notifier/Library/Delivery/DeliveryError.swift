/// Why a delivery failed, and whether trying again can help.
public struct DeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Connection refused, timeout, SMTP 4xx, HTTP 5xx: retry with backoff.
        case temporary
        /// Recipient refused (SMTP 5xx), login denied, HTTP 4xx: retrying will not help.
        case permanent
    }

    public var kind: Kind
    public var message: String
    /// The SMTP or HTTP status, when the server gave one.
    public var code: Int?

    public init(kind: Kind, message: String, code: Int?) {
        self.kind = kind
        self.message = message
        self.code = code
    }

    public var description: String { "\(kind == .temporary ? "temporary" : "permanent"): \(message)" }
}
