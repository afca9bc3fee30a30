/// Refuses to expose a plain (non-CURVE) ZeroMQ endpoint beyond this machine unless the
/// operator said `--insecure`: ARCHITECTURE.md's rule, applied the same way everywhere.
public enum InsecureBindGuard {
    public static func check(endpoint: String, curve: Bool, insecure: Bool) throws {
        if curve || insecure || HostAndPort.isLoopback(endpoint: endpoint) { return }
        throw RuntimeError(
            .insecureAddress,
            "refusing to bind \(endpoint) without CURVE; configure keys or pass --insecure")
    }
}
