import Foundation
import Messaging

/// Sends one admin command and waits for its reply as long as the service says the
/// command is queued (`AdminSocketServer.queuedAcknowledgement`).
///
/// No acknowledgement within `acknowledgementTimeout` means the service is not there.
/// Once acknowledged, the client waits, reporting progress, and sends the same document
/// again every `resendInterval`: a service that restarted meanwhile lost its queue, and
/// the request id in the document makes a repeat of a command already done harmless.
public struct AdminClient: Sendable {
    public var endpoint: String
    public var acknowledgementTimeout: Duration = .seconds(10)
    public var resendInterval: Duration = .seconds(30)
    public var reportInterval: Duration = .seconds(10)
    /// After this long without a reply, the client gives up and says so.
    public var longestWait: Duration = .seconds(900)
    /// A CURVE client of the service outside development mode.
    public var security: SocketSecurity

    public init(endpoint: String, security: SocketSecurity = .plain) {
        self.endpoint = endpoint
        self.security = security
    }

    /// The wait so far, for a person watching the command line.
    public typealias Progress = @Sendable (_ waited: Duration) -> Void

    public func send(_ document: Data, progress: Progress = { _ in }) throws -> Data {
        let context = ZMQContext()
        defer { context.terminate() }
        let socket = try ZMQSocket(context, .dealer)
        defer { socket.close() }
        try socket.setReceiveTimeout(250)
        try socket.apply(security)
        try socket.connect(endpoint)
        let clock = ContinuousClock()
        let start = clock.now
        var lastSent = start
        var lastReport = start
        var acknowledged = false
        // An empty delimiter frame makes the ROUTER's envelope look like a REQ's.
        _ = try socket.send([Data(), document])
        while true {
            if let reply = try socket.receive(), let body = reply.parts.last {
                if body == AdminSocketServer.queuedAcknowledgement {
                    acknowledged = true
                } else {
                    return body
                }
            }
            let now = clock.now
            guard acknowledged || now - start < acknowledgementTimeout else {
                throw RuntimeError(.unreachable, "geen antwoord van \(endpoint) binnen \(acknowledgementTimeout)")
            }
            guard now - start < longestWait else {
                throw RuntimeError(
                    .unreachable,
                    "\(endpoint) nam de opdracht aan maar antwoordde niet binnen \(longestWait); "
                        + "nogmaals versturen is veilig: een opdracht wordt één keer uitgevoerd")
            }
            if acknowledged && now - lastReport >= reportInterval {
                progress(now - start)
                lastReport = now
            }
            if acknowledged && now - lastSent >= resendInterval {
                _ = try socket.send([Data(), document])
                lastSent = now
            }
        }
    }
}
