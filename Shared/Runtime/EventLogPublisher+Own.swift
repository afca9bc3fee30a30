import Logging
import Messaging

extension EventLogPublisher {
    /// A service's own event log on its configured endpoints: a CURVE server outside
    /// development mode (only keyring keys read it); plain, it stays on loopback unless
    /// the operator said `--insecure`.
    public static func own(
        context: ZMQContext, endpoints: EventLogEndpoints, source: any EventSource,
        security: ServiceSecurity = .development, insecure: Bool, logger: Logger
    ) throws -> EventLogPublisher {
        try InsecureBindGuard.check(endpoint: endpoints.publish, curve: security.isCurve, insecure: insecure)
        try InsecureBindGuard.check(endpoint: endpoints.catchUp, curve: security.isCurve, insecure: insecure)
        return EventLogPublisher(
            context: context, publishEndpoint: endpoints.publish, catchUpEndpoint: endpoints.catchUp, source: source,
            security: security.server(ZAPDomain.eventLog), logger: logger)
    }
}
