import Logging
import Messaging

extension EventLogPublisher {
    /// A service's own event log on its configured endpoints. The log is plain ZeroMQ,
    /// so it stays on loopback unless the operator said `--insecure`.
    public static func own(
        context: ZMQContext, endpoints: EventLogEndpoints, source: any EventSource, insecure: Bool, logger: Logger
    ) throws -> EventLogPublisher {
        try InsecureBindGuard.check(endpoint: endpoints.publish, curve: false, insecure: insecure)
        try InsecureBindGuard.check(endpoint: endpoints.catchUp, curve: false, insecure: insecure)
        return EventLogPublisher(
            context: context, publishEndpoint: endpoints.publish, catchUpEndpoint: endpoints.catchUp, source: source,
            logger: logger)
    }
}
