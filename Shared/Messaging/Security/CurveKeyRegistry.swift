/// Which identity (an AGB code, or the municipality's gemeente code) each registered
/// client public key belongs to. One key, one identity.
public struct CurveKeyRegistry: Sendable, Equatable {
    private let identities: [String: String]

    public init(_ identities: [String: String]) {
        self.identities = identities
    }

    public func identity(for publicKey: String) -> String? { identities[publicKey] }

    /// The ZAP decision: CURVE with a registered key gets its identity; anything else none.
    public func authorize(_ request: ZAPRequest) -> String? {
        guard request.mechanism == "CURVE", let key = request.publicKeyZ85 else { return nil }
        return identity(for: key)
    }
}
