import Prometheus
import Testing

@testable import Runtime

/// `/metrics` has no authentication of its own, so it stays on loopback like every other
/// listener unless the operator says `--insecure` (it once bound 0.0.0.0 when told to).
@Suite struct ListenerGuardTests {
    @Test func aMetricsListenerBeyondLoopbackIsRefusedWithoutInsecure() throws {
        let registry = PrometheusCollectorRegistry()
        for host in ["0.0.0.0", "192.168.1.20", "::"] {
            #expect(throws: RuntimeError.self) {
                try MetricsEndpoint(
                    registry: registry, address: HostAndPort(host: host, port: 9570), insecure: false,
                    logger: .init(label: "test"))
            }
            _ = try MetricsEndpoint(
                registry: registry, address: HostAndPort(host: host, port: 9570), insecure: true,
                logger: .init(label: "test"))
        }
        for host in ["127.0.0.1", "localhost", "::1"] {
            _ = try MetricsEndpoint(
                registry: registry, address: HostAndPort(host: host, port: 9570), insecure: false,
                logger: .init(label: "test"))
        }
    }
}
