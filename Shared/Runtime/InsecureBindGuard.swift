/// Refuses to expose a plain (non-CURVE) ZeroMQ endpoint beyond this machine unless the
/// operator said `--insecure`: ARCHITECTURE.md's rule, applied the same way everywhere.
public enum InsecureBindGuard {
    public static func check(endpoint: String, curve: Bool, insecure: Bool) throws {
        if curve || insecure || HostAndPort.isLoopback(endpoint: endpoint) { return }
        throw RuntimeError(
            .insecureAddress,
            "refusing to bind \(endpoint) without CURVE; configure keys or pass --insecure")
    }

    /// The same rule for a plain HTTP listener that has no authentication of its own
    /// (`/metrics`): beyond loopback only when the operator said `--insecure`.
    public static func check(listener address: HostAndPort, insecure: Bool) throws {
        if insecure || address.isLoopback { return }
        throw RuntimeError(
            .insecureAddress,
            "refusing to serve \(address) beyond this machine without authentication; bind loopback "
                + "(and scrape through a proxy) or pass --insecure")
    }
}
