import Dispatch
import Foundation
import Logging
import Messaging
import ServiceLifecycle
import Synchronization

/// A ROUTER socket answering `plafond` admin commands: one JSON part in, one JSON part out.
///
/// Works with REQ clients (an empty delimiter frame) and DEALER clients alike: every
/// frame before the last is envelope and is sent back unchanged. Outside development mode
/// the socket is a CURVE server: only keys in the keyring connect, and `AdminAccess`
/// decides per command by the sender's identity; plain sockets stay on loopback unless
/// the operator passes `--insecure`.
///
/// Every request is acknowledged the moment it is read (`queuedAcknowledgement`, sent
/// before the reply) and handled on a thread of its own, one at a time, in arrival order.
/// A busy service (monitor applying a burst of declarations holds its store's writer)
/// once left commands unread for half a minute: the CLI gave up after ten seconds, the
/// command was applied later, and a person who retried acted twice. Now the CLI knows the
/// command waits in the queue and keeps waiting; retries carry the same request id and
/// are answered with the stored result (Storage's `AdminReplies`).
public struct AdminSocketServer: Service {
    public typealias Handler = @Sendable (Data) -> Data

    /// What a client gets first for every request: "read, waiting for its turn".
    public static let queuedAcknowledgement = Data(#"{"queued":true}"#.utf8)

    private let context: ZMQContext
    private let endpoint: String
    private let handler: Handler
    private let logger: Logger
    private let security: SocketSecurity
    /// Set once the socket is bound (for `/readyz`).
    public let listening = ListeningFlag()

    public init(
        context: ZMQContext, endpoint: String, security: SocketSecurity = .plain, insecure: Bool, logger: Logger,
        handler: @escaping Handler
    ) throws {
        try InsecureBindGuard.check(endpoint: endpoint, curve: security.isCurve, insecure: insecure)
        self.context = context
        self.security = security
        self.endpoint = endpoint
        self.handler = handler
        self.logger = logger
    }

    public func run() async throws {
        let replies = AdminReplyQueue()
        let work = DispatchQueue(label: "plafond.admin.work")
        try await SocketThread.run(name: "admin") { [context, endpoint, handler, logger, listening, security] stop in
            // Created, used and closed on this thread only.
            let socket = try ZMQSocket(context, .router)
            defer { socket.close() }
            try socket.setMaxMessageSize(1 << 20)
            try socket.apply(security)
            try socket.bind(endpoint)
            listening.set(true)
            defer { listening.set(false) }
            logger.info("admin socket listening", metadata: ["endpoint": "\(endpoint)"])
            func send(_ parts: [Data]) {
                do {
                    if try !socket.send(parts, dontWait: true) {
                        logger.warning("admin reply not delivered: client gone")
                    }
                } catch {
                    logger.warning("admin reply not delivered", metadata: ["error": "\(error)"])
                }
            }
            while !stop.shouldStop {
                var items = [ZMQPollItem(socket: socket), ZMQPollItem(fileDescriptor: replies.wake.readDescriptor)]
                _ = try zmqPoll(&items, timeoutMilliseconds: 100)
                if items[1].readable { replies.wake.drain() }
                replies.takeAll().forEach(send)
                guard items[0].readable else { continue }
                while let message = try SocketReceive.next(socket, dontWait: true) {
                    guard message.parts.count >= 2, let request = message.parts.last else {
                        logger.warning("admin request without envelope dropped")
                        continue
                    }
                    let envelope = Array(message.parts.dropLast())
                    if let sender = message.userId, let command = AdminAccess.command(of: request),
                        !AdminAccess.permits(sender: sender, command: command)
                    {
                        logger.warning(
                            "admin command refused", metadata: ["sender": "\(sender)", "command": "\(command)"])
                        send(envelope + [AdminAccess.refusal(sender: sender, command: command)])
                        continue
                    }
                    send(envelope + [Self.queuedAcknowledgement])
                    work.async {
                        replies.add(envelope + [handler(request)])
                    }
                }
            }
            // Commands already taken are finished and answered: their effects commit
            // either way, and a client still waiting should hear so.
            work.sync {}
            replies.takeAll().forEach(send)
        }
    }
}

/// Replies made on the work thread, waiting for the socket thread to send them.
final class AdminReplyQueue: Sendable {
    let wake = WakePipe()
    private let ready = Mutex<[[Data]]>([])

    func add(_ reply: [Data]) {
        ready.withLock { $0.append(reply) }
        wake.wake()
    }

    func takeAll() -> [[Data]] {
        ready.withLock { ready in
            defer { ready = [] }
            return ready
        }
    }
}
