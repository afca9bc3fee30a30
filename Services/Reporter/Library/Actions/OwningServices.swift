import Contracts
import Dispatch
import Foundation
import Messaging
import Runtime

/// The admin sockets of the services that own what a person decides: monitor (stops,
/// exemptions) and notifier (acknowledgements, silences). The dashboard never writes
/// those facts itself; it asks the owner, as `plafond` does, and the owner's event log
/// brings the result back to the read model and the timeline.
public struct OwningServices: Sendable {
    public var monitorAdmin: String
    public var notifierAdmin: String
    public var timeout: Duration
    /// The reporter's own CURVE client keys towards each owner outside development mode;
    /// the owners let it give the workplace's commands only (`AdminAccess`).
    public var monitorSecurity: SocketSecurity
    public var notifierSecurity: SocketSecurity

    public init(
        monitorAdmin: String, notifierAdmin: String, monitorSecurity: SocketSecurity = .plain,
        notifierSecurity: SocketSecurity = .plain, timeout: Duration = .seconds(10)
    ) {
        self.monitorAdmin = monitorAdmin
        self.notifierAdmin = notifierAdmin
        self.monitorSecurity = monitorSecurity
        self.notifierSecurity = notifierSecurity
        self.timeout = timeout
    }

    /// The ZeroMQ round trip blocks its thread: it runs on a queue of its own.
    private static let queue = DispatchQueue(label: "plafond.reporter.admin-calls", attributes: .concurrent)

    /// Sends `request` to the owner at `endpoint` and returns its reply, the contract's.
    func send<Request: AdminRequest>(_ request: Request, to endpoint: String) async throws -> Request.Reply {
        let timeout = self.timeout
        let security = endpoint == monitorAdmin ? monitorSecurity : notifierSecurity
        return try await withCheckedThrowingContinuation { continuation in
            Self.queue.async {
                continuation.resume(
                    with: Swift.Result {
                        let body: Data
                        do {
                            // A request id of its own, so the owner does it once even when
                            // the client resends it while the owner is busy (AdminClient).
                            var client = AdminClient(endpoint: endpoint, security: security)
                            client.acknowledgementTimeout = timeout
                            client.longestWait = timeout * 3
                            body = try client.send(
                                AdminCoding.encode(IdentifiedAdminRequest(request, requestID: UUID().uuidString)))
                        } catch {
                            throw AccessError(
                                .serviceRefused, "de dienst antwoordt niet; probeer het zo opnieuw", cause: error)
                        }
                        let reply = try AdminCoding.decode(AdminReply<Request.Reply>.self, from: body)
                        guard reply.ok, let result = reply.result else {
                            throw AccessError(.serviceRefused, reply.error ?? "geweigerd zonder reden")
                        }
                        return result
                    })
            }
        }
    }
}
