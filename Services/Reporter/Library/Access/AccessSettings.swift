/// How the dashboard knows who is looking: its own login (always), and optionally a
/// reverse proxy that authenticated the person already (single sign-on).
public struct AccessSettings: Sendable {
    /// Mark the session cookie `Secure`: set when people reach the dashboard over TLS
    /// (a proxy in front that terminates it). Requests the trusted proxy marks with
    /// `X-Forwarded-Proto: https` get it too.
    public var secureCookies = false
    /// The proxy's IP address; only its requests may name the person in `trustedUserHeader`.
    public var trustedProxy: String?
    public var trustedUserHeader = "X-Remote-User"

    public init(secureCookies: Bool = false, trustedProxy: String? = nil, trustedUserHeader: String = "X-Remote-User") {
        self.secureCookies = secureCookies
        self.trustedProxy = trustedProxy
        self.trustedUserHeader = trustedUserHeader
    }
}
